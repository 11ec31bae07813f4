import { error, type RequestHandler } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { requireFirm } from '$lib/server/guards';
import { pdfResponse } from '$lib/server/pdf/typst';
import { cardSheetPdf } from '$lib/server/scan/cards/card-sheet';
import { unusedCardCodes } from '$lib/server/scan/cards/unused-cards';
import { findFirmRound } from '$lib/server/scan/rounds/round-overview';
import { getLocale } from '$lib/paraglide/runtime';
import * as m from '$lib/paraglide/messages';

export const GET: RequestHandler = async (event) => {
	const { firm } = await requireFirm(event, 'manage');
	const db = app().database.db;
	const round = await findFirmRound(db, firm.id, event.params.roundId);
	if (!round || round.inviteMode !== 'cards') error(404, m.common_error_not_found());
	const codes = await unusedCardCodes(db, round.id);
	const { pdf } = await cardSheetPdf({ firmName: firm.name, roundName: round.name, origin: app().origin, codes, locale: getLocale() });
	return pdfResponse(pdf, `kaartjes-${round.name}.pdf`);
};
