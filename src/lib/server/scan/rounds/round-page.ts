// What the round page shows, shaped for the page: counts and settings for everyone who may see the firm,
// and the invitation links only for whoever holds them (round-holder.ts): the firm's managers for a round
// they run, only the supervising adviser for a supervised round.
import { followupsOfRound } from '../../../domain/followup/followup';
import type { Database } from '../../db/client';
import type { FirmRole } from '../../firms/access';
import type { AppLocale } from '../../../domain/instrument';
import { canChangeStatus } from './round-status';
import { formatDay } from './format-day';
import { invitationText } from './invitation-text';
import { cardEntryUrl, printedUrl, shortUrl, surveyUrl } from './links';
import { holdsInvitations, isSupervised } from './round-holder';
import { roundOverview } from './round-overview';
import { responseRate } from './response-counts';
import { findReportRound } from '../../report/publish/report-round';
import { publishRoundReport } from '../../report/publish/publish-report';
import { signalLines } from '../../report/build-document';
import { embedSnippet } from '../../../domain/rounds/embed';
import * as m from '../../../paraglide/messages.js';

export interface RoundPageInput {
	firm: { id: string; employees: number };
	viewer: { role: FirmRole; userId: string };
	roundId: unknown;
	today: string;
	origin: string;
	locale: AppLocale;
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
	const imported = round.origin === 'imported';
	// Only what the latest published version holds, never the live count: it would move with one person, and
	// publishing here (as the report does) keeps the page and the report on the same version.
	const reportRound = await findReportRound(db, input.firm.id, round.id);
	const latest = reportRound ? (await publishRoundReport(db, reportRound, input.today)).latest : null;
	const published = latest
		? {
				version: latest.version,
				responses: latest.includedResponses,
				rate: imported || round.invited <= 0 ? null : responseRate(latest.includedResponses, round.invited),
				signals: signalLines(latest.reports[input.locale].signals ?? { burst: 0, identical: 0, sameAnswer: 0, moreThanInvited: null, moreThanEmployees: 0 }, { locale: input.locale })
			}
		: null;
	// An imported round takes no answers through Leerkompas: it has no link or cards to hand out.
	const invite = !holds || imported
		? null
		: round.inviteMode === 'cards'
			? { mode: 'cards' as const, cardEntryUrl: printedUrl(cardEntryUrl(input.origin)), cards: overview.cards }
			: {
					mode: 'link' as const,
					surveyUrl: surveyUrl(input.origin, round.linkToken),
					shortUrl: short,
					text: invitationText({ url: short, threshold: round.threshold, closesOn: round.closesOn, locale: input.locale }),
					embed: embedSnippet(short, m.api_embed_button({}, { locale: input.locale }))
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
			/** Titles of the finished actions this round asks the team about, as asked. */
			followups: followupsOfRound(round.followups).map((q) => q.title),
			inviteMode: round.inviteMode,
			imported
		},
		state: overview.state,
		/** The status says open or paused, but the last day has passed. */
		ended: overview.state === 'closed' && round.status !== 'closed',
		ownerResponses: overview.counts.owner,
		published,
		firmTooSmall: overview.firmTooSmall,
		canManage,
		/** Who holds a supervised round (shown to everyone who sees it); null when the firm runs it itself. */
		supervisor: supervised ? { name: round.supervisorName ?? '', isYou: round.supervisedBy === input.viewer.userId } : null,
		/** Answers are imported only into a round made by an import: never into a collected (or supervised) one. */
		canImport: canManage && imported && !supervised && round.status !== 'closed',
		can: {
			pause: canManage && canChangeStatus(round.status, 'pause'),
			reopen: canManage && canChangeStatus(round.status, 'reopen'),
			close: canManage && canChangeStatus(round.status, 'close')
		},
		invite
	};
}
