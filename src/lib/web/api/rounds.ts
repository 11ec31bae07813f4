// A round's status as the API gives it: what the round page shows (scan/rounds/round-page.ts), so the same
// rules hold: published counts only, and the invitation links only for whoever holds them.
import { app } from '../app';
import type { ApiCaller } from './http';
import type { FirmRecord, FirmRole } from '../../server/firms/access';
import { roundPage } from '../../server/scan/rounds/round-page';
import { findFirmRound } from '../../server/scan/rounds/round-overview';
import { dayOf } from '../../server/clock';
import { cardEntryUrl } from '../../server/scan/rounds/links';
import { uiLocale } from '../../locale';

export async function roundStatus(caller: ApiCaller, firm: FirmRecord, role: FirmRole, roundId: string) {
	const db = app().database.db;
	const page = await roundPage(db, { firm, viewer: { role, userId: caller.userId }, roundId, today: dayOf(), origin: app().origin, locale: uiLocale() });
	const round = await findFirmRound(db, firm.id, roundId);
	if (!page || !round) return null;
	const invite = page.invite;
	return {
		id: round.id,
		name: round.name,
		status: round.status,
		state: page.state,
		opensOn: round.opensOn,
		closesOn: round.closesOn,
		invited: round.invited,
		threshold: round.threshold,
		inviteMode: round.inviteMode,
		supervised: page.supervisor !== null,
		published: page.published ? { version: page.published.version, responses: page.published.responses, rate: page.published.rate } : null,
		invitation: invite
			? invite.mode === 'link'
				? { surveyUrl: invite.surveyUrl, shortUrl: invite.shortUrl, cardEntryUrl: null }
				: { surveyUrl: null, shortUrl: null, cardEntryUrl: cardEntryUrl(app().origin) }
			: null,
		can: { close: page.can.close }
	};
}
