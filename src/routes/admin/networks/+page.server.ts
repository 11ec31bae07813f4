import { type Actions } from '@sveltejs/kit';
import { z } from 'zod';
import type { PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { requireAdmin } from '$lib/web/guards';
import { formError, readForm } from '$lib/web/forms';
import { addCoordinator, createNetwork, networksForAdmin, removeCoordinator } from '$lib/server/network/manage-network';
import { findNetwork } from '$lib/server/network/find-network';
import { NETWORK_KINDS, createNetworkSchema } from '$lib/server/network/create-network.schema';
import * as m from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	requireAdmin(event);
	return { networks: await networksForAdmin(app().database.db), kinds: NETWORK_KINDS };
};

const fieldText: Record<string, () => string> = {
	name: m.admin_networks_error_name,
	slug: m.admin_networks_error_slug,
	kind: m.admin_networks_error_kind
};

// Which network the form is about, and the account's address; the same rule as a sign-up address.
const coordinatorSchema = z.object({
	network: z.string().trim().min(1).max(50),
	email: z.string().trim().toLowerCase().max(254).pipe(z.email())
});

async function coordinatorForm(event: Parameters<NonNullable<Actions['addCoordinator']>>[0]) {
	requireAdmin(event);
	const form = await readForm(event.request);
	if (!form) return { failure: formError(400, new FormData(), m.common_form_has_errors()) };
	const parsed = coordinatorSchema.safeParse({ network: form.get('network') ?? '', email: form.get('email') ?? '' });
	if (!parsed.success) {
		const network = parsed.error.issues.some((i) => i.path[0] === 'network');
		const text = network ? m.admin_networks_error_network() : m.admin_networks_error_email();
		return { failure: formError(400, form, text, { [network ? 'network' : 'email']: text }) };
	}
	const found = await findNetwork(app().database.db, parsed.data.network);
	if (!found) return { failure: formError(404, form, m.admin_networks_error_network()) };
	return { form, network: found, email: parsed.data.email };
}

export const actions = {
	create: async (event) => {
		requireAdmin(event);
		const form = await readForm(event.request);
		if (!form) return formError(400, new FormData(), m.common_form_has_errors());
		const parsed = createNetworkSchema.safeParse({ name: form.get('name') ?? '', slug: String(form.get('slug') ?? '').trim().toLowerCase(), kind: form.get('kind') ?? '' });
		if (!parsed.success) {
			const fields = [...new Set(parsed.error.issues.map((i) => String(i.path[0])))];
			return formError(400, form, m.common_form_has_errors(), Object.fromEntries(fields.filter((f) => f in fieldText).map((f) => [f, fieldText[f]!()])));
		}
		const result = await createNetwork(app().database.db, parsed.data);
		if (result.ok) return { done: m.admin_networks_created({ name: result.network.name }) };
		return formError(400, form, m.common_form_has_errors(), { slug: m.admin_networks_error_slug_taken() });
	},
	addCoordinator: async (event) => {
		const read = await coordinatorForm(event);
		if ('failure' in read) return read.failure;
		const result = await addCoordinator(app().database.db, { networkSlug: read.network.slug, email: read.email });
		if (!result.ok) {
			const text = result.reason === 'user_not_found' ? m.admin_networks_error_user() : m.admin_networks_error_network();
			return formError(400, read.form, text, { email: text });
		}
		const words = { name: result.name, network: read.network.name };
		return { done: result.changed ? m.admin_networks_coordinator_added(words) : m.admin_networks_coordinator_already(words) };
	},
	removeCoordinator: async (event) => {
		const read = await coordinatorForm(event);
		if ('failure' in read) return read.failure;
		const result = await removeCoordinator(app().database.db, { networkSlug: read.network.slug, email: read.email });
		if (!result.ok) return formError(400, read.form, result.reason === 'user_not_found' ? m.admin_networks_error_user() : m.admin_networks_error_network());
		const words = { name: result.name, network: read.network.name };
		return { done: result.changed ? m.admin_networks_coordinator_removed(words) : m.admin_networks_coordinator_not(words) };
	}
} satisfies Actions;
