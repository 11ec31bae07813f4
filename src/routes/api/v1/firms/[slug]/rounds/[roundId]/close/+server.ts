import type { RequestHandler } from './$types';
import { app } from '$lib/web/app';
import { answer, ApiError, apiFirm, apiRoute, notFound } from '$lib/web/api/http';
import { roundSchema } from '$lib/web/api/schemas';
import { roundStatus } from '$lib/web/api/rounds';
import { parseRoundId } from '$lib/server/scan/rounds/round-ref';
import { closeRound } from '$lib/server/scan/rounds/close-round';
import { publishReportAtClose } from '$lib/server/report/publish/publish-at-close';
import { dayOf } from '$lib/server/clock';
import * as m from '$lib/paraglide/messages';

// As the close page: owners and co-managers only; closing is final, and the final version is published with it.
export const POST: RequestHandler = apiRoute(
	async (caller) => {
		const { firm, role } = await apiFirm(caller, 'manage');
		const roundId = parseRoundId(caller.event.params.roundId) ?? notFound();
		const result = await closeRound(app().database.db, { firmId: firm.id, roundId });
		if (!result.ok && result.reason === 'not_found') notFound();
		if (!result.ok) throw new ApiError('conflict', m.scan_close_already());
		await publishReportAtClose(app().database.db, { firmId: firm.id, roundId }, dayOf());
		return answer(roundSchema, (await roundStatus(caller, firm, role, roundId)) ?? notFound());
	},
	{ write: true }
);
