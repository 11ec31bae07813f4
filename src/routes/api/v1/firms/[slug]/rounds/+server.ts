import type { RequestHandler } from './$types';
import { eq } from 'drizzle-orm';
import { user } from '$lib/server/db/schema';
import { app } from '$lib/web/app';
import { answer, ApiError, apiFirm, apiRoute, jsonBody } from '$lib/web/api/http';
import { createRoundBodySchema, roundListSchema, roundSchema } from '$lib/web/api/schemas';
import { roundStatus } from '$lib/web/api/rounds';
import { listRounds } from '$lib/server/scan/rounds/list-rounds';
import { createRound } from '$lib/server/scan/rounds/create-round';
import { roundErrorTexts } from '$lib/server/scan/rounds/round-errors';
import { dayOf } from '$lib/server/clock';
import { uiLocale } from '$lib/locale';
import * as m from '$lib/paraglide/messages';

// The firm page's list: who may open round pages (owners, co-managers, advisers) sees it; counts only as published.
export const GET: RequestHandler = apiRoute(async (caller) => {
	const { firm } = await apiFirm(caller, 'rounds');
	const rounds = await listRounds(app().database.db, firm.id, dayOf());
	return answer(roundListSchema, {
		rounds: rounds.map((r) => ({ id: r.id, name: r.name, opensOn: r.opensOn, closesOn: r.closesOn, state: r.state, supervised: r.supervisorName !== null, origin: r.origin, publishedResponses: r.publishedResponses }))
	});
});

// As on the new-round page: owners and co-managers start a round they hold; an adviser starts a supervised one.
export const POST: RequestHandler = apiRoute(
	async (caller) => {
		const { firm, role } = await apiFirm(caller, 'rounds');
		const body = createRoundBodySchema.safeParse(await jsonBody(caller.event));
		if (!body.success) {
			const fields: Record<string, string> = {};
			for (const issue of body.error.issues) fields[String(issue.path[0] ?? 'body')] ??= m.api_error_field_invalid();
			throw new ApiError('invalid', m.api_error_invalid(), { fields });
		}
		const db = app().database.db;
		const [holder] = role === 'adviser' ? await userName(caller.userId) : [];
		const result = await createRound(db, {
			firm,
			threshold: app().config.LEERKOMPAS_THRESHOLD,
			today: dayOf(),
			supervisor: holder ? { id: caller.userId, name: holder.name } : null,
			input: body.data
		});
		if (!result.ok) throw new ApiError('invalid', m.api_error_invalid(), { fields: roundErrorTexts(result.errors, uiLocale()) });
		const status = await roundStatus(caller, firm, role, result.round.id);
		return answer(roundSchema, status!, 201);
	},
	{ write: true }
);

function userName(id: string) {
	return app().database.db.select({ name: user.name }).from(user).where(eq(user.id, id)).limit(1);
}
