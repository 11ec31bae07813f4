// The checks every load, action and endpoint starts with. A firm a person may not see answers 404,
// the same as a firm that does not exist, so nobody learns which firms are on the platform.
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { app } from './app';
import { allows, firmAccess, type FirmAccess, type FirmPermission } from '../server/firms/access';
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

/** Editors of the knowledge base: platform admins and network coordinators. */
export function isKnowledgeEditor(user: App.Locals['user']): boolean {
	return user?.role === 'admin' || user?.role === 'coordinator';
}

export function requireKnowledgeEditor(event: Pick<RequestEvent, 'locals' | 'url'>): SignedIn {
	const user = requireUser(event);
	if (!isKnowledgeEditor(user)) error(404, m.common_error_not_found());
	return user;
}

/** Network coordinators and admins: they keep the menukaart and review success stories. Others get 404. */
export function requireCoordinator(event: Pick<RequestEvent, 'locals' | 'url'>): SignedIn {
	const user = requireUser(event);
	if (user.role !== 'coordinator' && user.role !== 'admin') error(404, m.common_error_not_found());
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
