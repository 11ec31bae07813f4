import { error, type RequestHandler } from '@sveltejs/kit';
import { app } from '$lib/web/app';
import { requireFirm } from '$lib/web/guards';
import { pdfResponse } from '$lib/server/pdf/typst';
import { findFirmRound } from '$lib/server/scan/rounds/round-overview';
import { holdsInvitations } from '$lib/server/scan/rounds/round-holder';
import { shortUrl } from '$lib/server/scan/rounds/links';
import { posterPdf } from '$lib/server/scan/rounds/poster';
import { uiLocale } from '$lib/locale';
import * as m from '$lib/paraglide/messages';

export const GET: RequestHandler = async (event) => {
	const { firm, role, user } = await requireFirm(event, 'rounds');
	const round = await findFirmRound(app().database.db, firm.id, event.params.roundId);
	// A round with cards has no open link to put on a poster; a supervised round's poster is its adviser's.
	if (!round || round.inviteMode !== 'link' || !holdsInvitations({ role, userId: user.id }, round)) error(404, m.common_error_not_found());
	const { pdf } = await posterPdf({ firmName: firm.name, url: shortUrl(app().origin, round.shortCode), threshold: round.threshold, closesOn: round.closesOn, locale: uiLocale() });
	return pdfResponse(pdf, `poster-${round.name}.pdf`);
};
