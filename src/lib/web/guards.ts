// The checks every load, action and endpoint starts with. A firm a person may not see answers 404,
// the same as a firm that does not exist, so nobody learns which firms are on the platform.
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { app } from './app';
import { allows, firmAccess, type FirmAccess, type FirmPermission } from '../server/firms/access';
import { networkAccess, type NetworkAccess } from '../server/network/access';
import * as m from '../paraglide/messages';

type SignedIn = NonNullable<App.Locals['user']>;

export function requireUser(event: Pick<RequestEvent, 'locals' | 'url'>): SignedIn {
	if (!event.locals.user) redirect(303, `/login?returnTo=${encodeURIComponent(event.url.pathname + event.url.search)}`);
	return event.locals.user;
}

export function requireAdmin(event: Pick<RequestEvent, 'locals' | 'url'>): SignedIn {
	const user = requireUser(event);
	if (user.role !== 'admin') error(404, m.common_error_not_found());
	return user;
}

/** Network coordinators and platform admins: they edit the knowledge base, keep the menukaart and review stories. */
export function isCoordinator(user: App.Locals['user']): boolean {
	return user?.role === 'admin' || user?.role === 'coordinator';
}

/** Others get 404, so nobody learns which editing pages exist. */
export function requireCoordinator(event: Pick<RequestEvent, 'locals' | 'url'>): SignedIn {
	const user = requireUser(event);
	if (!isCoordinator(user)) error(404, m.common_error_not_found());
	return user;
}

export async function requireFirm(
	event: Pick<RequestEvent, 'locals' | 'url' | 'params'>,
	permission: FirmPermission
): Promise<FirmAccess & { user: SignedIn }> {
	const user = requireUser(event);
	const slug = event.params.slug ?? '';
	const access = await firmAccess(app().database.db, user.id, slug);
	if (!allows(access, permission)) error(404, m.common_error_not_found());
	return { ...access, user };
}

/** A network's coordinators and platform admins; everyone else gets 404 for `params.network`. */
export async function requireNetwork(
	event: Pick<RequestEvent, 'locals' | 'url'> & { params: Partial<Record<string, string>> }
): Promise<NetworkAccess & { user: SignedIn }> {
	const user = requireUser(event);
	const access = await networkAccess(app().database.db, user, event.params.network ?? '');
	if (!access) error(404, m.common_error_not_found());
	return { ...access, user };
}
