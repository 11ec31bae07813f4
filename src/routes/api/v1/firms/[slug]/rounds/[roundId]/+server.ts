import type { RequestHandler } from './$types';
import { answer, apiFirm, apiRoute, notFound } from '$lib/web/api/http';
import { roundSchema } from '$lib/web/api/schemas';
import { roundStatus } from '$lib/web/api/rounds';
import { parseRoundId } from '$lib/server/scan/rounds/round-ref';

export const GET: RequestHandler = apiRoute(async (caller) => {
	const { firm, role } = await apiFirm(caller, 'rounds');
	const roundId = parseRoundId(caller.event.params.roundId) ?? notFound();
	return answer(roundSchema, (await roundStatus(caller, firm, role, roundId)) ?? notFound());
});
