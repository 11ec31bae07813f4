// The one way a web request reaches a round's SLIM draft: the firm's owners, co-managers and advisers with
// consent (the same people who read its report); everyone else gets 404, as if the round did not exist.
import { error, type RequestEvent } from '@sveltejs/kit';
import { app } from './app';
import { requireFirm } from './guards';
import { dayOf } from '../server/clock';
import { findReportRound } from '../server/report/publish/report-round';
import { slimDraftOfRound } from '../server/slim/slim-draft';
import { slimDocument, type SlimDocument } from '../server/slim/slim-document';
import * as m from '../paraglide/messages.js';

export type SlimRequest = { firm: { slug: string; name: string }; roundId: string; roundName: string; document: SlimDocument | null };

export async function slimForRequest(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>): Promise<SlimRequest> {
	const { firm } = await requireFirm(event, 'rounds');
	const db = app().database.db;
	const round = await findReportRound(db, firm.id, event.params.roundId ?? '');
	if (!round) error(404, m.common_error_not_found());
	const result = await slimDraftOfRound(db, firm, round, dayOf());
	return { firm: { slug: firm.slug, name: firm.name }, roundId: round.id, roundName: round.name, document: result.ok ? slimDocument(result.draft) : null };
}

export const slimFileName = (r: SlimRequest, extension: 'pdf' | 'md') => `slim-concept-${r.firm.name}-${r.roundName}.${extension}`.replace(/[^A-Za-z0-9._-]+/g, '-');
