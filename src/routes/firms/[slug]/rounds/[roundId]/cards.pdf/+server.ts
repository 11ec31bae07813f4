import { error, type RequestHandler } from '@sveltejs/kit';
import { app } from '$lib/web/app';
import { requireFirm } from '$lib/web/guards';
import { pdfResponse } from '$lib/server/pdf/typst';
import { cardSheetPdf } from '$lib/server/scan/cards/card-sheet';
import { roundCardCodes } from '$lib/server/scan/cards/card-codes';
import { findFirmRound } from '$lib/server/scan/rounds/round-overview';
import { holdsInvitations } from '$lib/server/scan/rounds/round-holder';
import { uiLocale } from '$lib/locale';
import * as m from '$lib/paraglide/messages';

export const GET: RequestHandler = async (event) => {
	const { firm, role, user } = await requireFirm(event, 'rounds');
	const db = app().database.db;
	const round = await findFirmRound(db, firm.id, event.params.roundId);
	if (!round || round.inviteMode !== 'cards' || !holdsInvitations({ role, userId: user.id }, round)) error(404, m.common_error_not_found());
	const codes = await roundCardCodes(db, round.id);
	const { pdf } = await cardSheetPdf({ firmName: firm.name, roundName: round.name, origin: app().origin, codes, locale: uiLocale() });
	return pdfResponse(pdf, `kaartjes-${round.name}.pdf`);
};
