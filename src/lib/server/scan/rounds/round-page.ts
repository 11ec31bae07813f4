// What the round page shows, shaped for the page: counts and settings for everyone who may see the firm,
// and the invitation links only for whoever holds them (round-holder.ts): the firm's managers for a round
// they run, only the supervising adviser for a supervised round.
import type { Database } from '../../db/client';
import type { FirmRole } from '../../firms/access';
import type { Locale } from '../../../paraglide/runtime.js';
import { canChangeStatus } from './round-status';
import { formatDay } from './format-day';
import { invitationText } from './invitation-text';
import { cardEntryUrl, printedUrl, shortUrl, surveyUrl } from './links';
import { holdsInvitations, isSupervised } from './round-holder';
import { roundOverview } from './round-overview';

export interface RoundPageInput {
	firm: { id: string; employees: number };
	viewer: { role: FirmRole; userId: string };
	roundId: unknown;
	today: string;
	origin: string;
	locale: Locale;
}

export async function roundPage(db: Database, input: RoundPageInput) {
	const overview = await roundOverview(db, input.firm, input.roundId, input.today);
	if (!overview) return null;
	const { round } = overview;
	const canManage = input.viewer.role !== 'adviser';
	const holds = holdsInvitations(input.viewer, round);
	const supervised = isSupervised(round);
	const day = (iso: string) => formatDay(iso, input.locale);
	const short = shortUrl(input.origin, round.shortCode);
	const invite = !holds
		? null
		: round.inviteMode === 'cards'
			? { mode: 'cards' as const, cardEntryUrl: printedUrl(cardEntryUrl(input.origin)), cards: overview.cards }
			: {
					mode: 'link' as const,
					surveyUrl: surveyUrl(input.origin, round.linkToken),
					shortUrl: short,
					text: invitationText({ url: short, threshold: round.threshold, closesOn: round.closesOn, locale: input.locale })
				};
	return {
		round: {
			id: round.id,
			name: round.name,
			status: round.status,
			opensOn: day(round.opensOn),
			closesOn: day(round.closesOn),
			invited: round.invited,
			teams: round.teams,
			threshold: round.threshold,
			openAnswersVerbatim: round.openAnswersVerbatim,
			inviteMode: round.inviteMode
		},
		state: overview.state,
		/** The status says open or paused, but the last day has passed. */
		ended: overview.state === 'closed' && round.status !== 'closed',
		counts: overview.counts,
		rate: overview.rate,
		enoughForReport: overview.enoughForReport,
		firmTooSmall: overview.firmTooSmall,
		canManage,
		/** Who holds a supervised round (shown to everyone who sees it); null when the firm runs it itself. */
		supervisor: supervised ? { name: round.supervisorName ?? '', isYou: round.supervisedBy === input.viewer.userId } : null,
		/** Answers are imported into rounds the firm runs itself, never into a supervised one. */
		canImport: canManage && !supervised && round.status !== 'closed',
		can: {
			pause: canManage && canChangeStatus(round.status, 'pause'),
			reopen: canManage && canChangeStatus(round.status, 'reopen'),
			close: canManage && canChangeStatus(round.status, 'close')
		},
		invite
	};
}
