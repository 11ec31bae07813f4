import { fail, type Actions } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { requireUser } from '$lib/web/guards';
import { formError, readForm } from '$lib/web/forms';
import { firmsOfUser } from '$lib/server/firms/access';
import { createApiToken, listApiTokens, MAX_LIVE_TOKENS, revokeApiToken } from '$lib/server/api-tokens/tokens';
import { DEFAULT_TOKEN_DAYS, TOKEN_NAME_MAX_LENGTH, type TokenErrors } from '$lib/server/api-tokens/create-token.schema';
import * as m from '$lib/paraglide/messages';

// Every signed-in person's own tokens, for their own firms only; the secret is in the answer to the post, once.
export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = app().database.db;
	const now = Date.now();
	return {
		firms: await firmsOfUser(db, user.id),
		defaultDays: DEFAULT_TOKEN_DAYS,
		tokens: (await listApiTokens(db, user.id)).map((t) => ({
			id: t.id,
			name: t.name,
			hint: t.hint,
			access: t.access,
			firms: t.firms.map((f) => f.name).join(', '),
			lastUsedOn: t.lastUsedAt?.toISOString().slice(0, 10) ?? null,
			expiresOn: t.expiresAt.toISOString().slice(0, 10),
			state: t.revokedAt ? ('revoked' as const) : t.expiresAt.getTime() <= now ? ('expired' as const) : ('live' as const)
		}))
	};
};

function errorTexts(errors: TokenErrors): Record<string, string> {
	const texts: Record<string, string> = {};
	if (errors.name === 'too_many') texts.name = m.api_tokens_error_too_many({ max: String(MAX_LIVE_TOKENS) });
	else if (errors.name) texts.name = errors.name === 'too_long' ? m.api_tokens_error_name_too_long({ max: String(TOKEN_NAME_MAX_LENGTH) }) : m.api_tokens_error_name_required();
	if (errors.firms) texts.firms = m.api_tokens_error_firms();
	if (errors.access) texts.access = m.api_tokens_error_access();
	if (errors.days) texts.days = m.api_tokens_error_days();
	return texts;
}

export const actions: Actions = {
	create: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request);
		if (!form) return formError(400, new FormData(), m.common_form_has_errors());
		const text = (key: string) => {
			const value = form.get(key);
			return typeof value === 'string' ? value : '';
		};
		const result = await createApiToken(app().database.db, {
			userId: user.id,
			values: { name: text('name'), firms: form.getAll('firms').filter((v): v is string => typeof v === 'string'), access: text('access'), days: text('days') }
		});
		if (!result.ok) return formError(400, form, m.common_form_has_errors(), errorTexts(result.errors));
		return { secret: result.secret };
	},
	revoke: async (event) => {
		const user = requireUser(event);
		const form = (await readForm(event.request)) ?? new FormData();
		const id = form.get('id');
		const done = await revokeApiToken(app().database.db, { userId: user.id, tokenId: typeof id === 'string' ? id : '' });
		if (!done) return fail(404, { message: m.common_error_not_found() });
		return { revoked: true };
	}
};
