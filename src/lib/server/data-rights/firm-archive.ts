// Everything a firm stored, for its owner to take along (AVG art. 15 and 20), as ONE JSON document:
// leerkompas-<slug>-<date>.json. One JSON file rather than a ZIP, because no zip library is installed and
// a hand-made archive format would be one more thing to get wrong; JSON opens anywhere, and the
// respondent-level answers are embedded as CSV text that a spreadsheet reads once saved as a file.
//
// What is in it: the firm; its people (members, advisers with consent, the log of the ambassadors' report switch,
// invitations, data agreements); the
// log of respondent-level exports; per round its settings, counts, published report versions and the latest
// report figures; the action plan with its progress notes, and what was noted in follow-up sessions; master and
// apprentice (the colleagues recorded, the pairs, and a pair's log only while both share it: see pairing/archive.ts). Left out on
// purpose: answers per person (they go only to a researcher with a data agreement, never to the firm: a row's
// profile can name a colleague; so is the survey language of each response, which the report versions carry
// only as counts under the disclosure rules), survey links and card codes (they
// would let whoever holds the file answer the survey), half-filled drafts, and receipt hashes (meaningless
// outside the server). `storedRows` counts every row the firm has in every table, so nothing stored is
// hidden from the owner, except rows tied to a round still open or paused: those are counted once it closes.
//
// No live count (issue 10): while a round is open or paused, the firm's people may see only whether it reached
// k and the number in the latest published version. A count of stored responses (or of their receipts and
// signals in `storedRows`) would move with each single response: download, one colleague answers, download
// again. So such a round has `responses: null`; its `reportVersions` carry the published numbers. The owner-
// perspective count goes too: managers fill in the owner's questionnaire as well, so it moves with a colleague.
import { asc, desc, eq, sql } from 'drizzle-orm';
import type { AppLocale } from '../../domain/instrument';
import type { Report } from '../../domain/report/schema';
import { followupsOfRound, type FollowupQuestion } from '../../domain/followup/followup';
import type { Database } from '../db/client';
import { ambassadorReportLog } from '../firms/ambassador-report';
import { adviserGrant, dataAgreement, firm, firmAction, firmActionNote, firmInvitation, firmMember, network, networkMember, reportVersion, roundCard, roundRetention, scanResponse, scanRound, sessionNote, user } from '../db/schema';
import { exportLogOfFirm } from '../export/audit-log';
import { reportOfRound } from '../export/export-round';
import type { ReportRound } from '../report/publish/report-round';
import { countFirmRows } from './firm-tables';
import { pairingArchive } from '../pairing/archive';

export const ARCHIVE_FORMAT = 'leerkompas-firm-archive';
// 2: the rounds no longer carry `statements` (answers per person).
// 3: a round not yet closed has `responses: null`, and `storedRows` leaves out rows of such rounds (no live count).
// 4: `actions` (the action plan with progress notes) and `sessionNotes` (per session and step).
// 5: the log of the ambassadors' report switch under `people`, and `pairing` (master and apprentice: the
//    colleagues recorded, their labels, the pairs and their logs).
export const ARCHIVE_VERSION = 5;

export interface ArchiveRound {
	name: string;
	status: string;
	opensOn: string;
	closesOn: string;
	invited: number;
	teams: string[];
	threshold: number;
	inviteMode: string;
	openAnswersVerbatim: boolean;
	/** The finished actions the round asked the team about, with their titles as asked. */
	followups: FollowupQuestion[];
	createdAt: string;
	closedAt: string | null;
	/** Stored responses; null while the round is open or paused (it would move with one person: issue 10). */
	responses: { employee: number; owner: number } | null;
	/** Cards printed; how many were used is not told (it moves with each card used, as a live count would). */
	cards: { printed: number };
	retention: { removedOn: string; responsesRemoved: number } | null;
	reportVersions: { version: number; publishedOn: string; includedResponses: number }[];
	report: Report;
}

export interface FirmArchive {
	fileName: string;
	body: string;
}

export async function firmArchive(
	db: Database,
	input: { firmId: string; today: string; locale: AppLocale; about: string }
): Promise<FirmArchive | null> {
	const [found] = await db.select().from(firm).where(eq(firm.id, input.firmId)).limit(1);
	if (!found) return null;
	const archive = {
		format: ARCHIVE_FORMAT,
		version: ARCHIVE_VERSION,
		createdOn: input.today,
		about: input.about,
		firm: firmPart(found),
		people: await peopleOfFirm(db, found.id),
		exportLog: await exportLogPart(db, found.id),
		rounds: await roundsOfFirm(db, found, input),
		...(await planOfFirm(db, found.id)),
		pairing: await pairingArchive(db, found.id),
		storedRows: {
			...(await countFirmRows(db, found.id, undefined, true)),
			// Notes hang on an action, not on the firm, so the catalog search for firm_id does not find them.
			...(await actionNoteCount(db, found.id))
		}
	};
	return { fileName: `leerkompas-${found.slug}-${input.today}.json`, body: `${JSON.stringify(archive, null, 2)}\n` };
}

type FirmRow = typeof firm.$inferSelect;
type RoundRow = typeof scanRound.$inferSelect;

function firmPart(found: FirmRow) {
	return {
		name: found.name,
		slug: found.slug,
		sector: found.sector,
		sizeClass: found.sizeClass,
		province: found.province,
		employees: found.employees,
		worry: found.worry,
		createdAt: found.createdAt.toISOString()
	};
}

/** Members, advisers with consent, invitations and data agreements, each oldest first. */
async function peopleOfFirm(db: Database, firmId: string) {
	const members = await db
		.select({ name: user.name, email: user.email, role: firmMember.role, since: firmMember.createdAt })
		.from(firmMember)
		.innerJoin(user, eq(user.id, firmMember.userId))
		.where(eq(firmMember.firmId, firmId))
		.orderBy(asc(firmMember.createdAt));
	const advisers = await db
		.select({ name: user.name, email: user.email, viaDirectory: adviserGrant.viaDirectory, kind: adviserGrant.kind, reportShared: adviserGrant.reportShared, grantedAt: adviserGrant.grantedAt, revokedAt: adviserGrant.revokedAt })
		.from(adviserGrant)
		.innerJoin(user, eq(user.id, adviserGrant.adviserId))
		.where(eq(adviserGrant.firmId, firmId))
		.orderBy(asc(adviserGrant.grantedAt));
	const invitations = await db
		.select({ email: firmInvitation.email, listedName: firmInvitation.listedName, role: firmInvitation.role, createdAt: firmInvitation.createdAt, expiresAt: firmInvitation.expiresAt, acceptedAt: firmInvitation.acceptedAt })
		.from(firmInvitation)
		.where(eq(firmInvitation.firmId, firmId))
		.orderBy(asc(firmInvitation.createdAt));
	const agreements = await db
		.select({ name: user.name, email: user.email, recordedAt: dataAgreement.recordedAt, revokedAt: dataAgreement.revokedAt })
		.from(dataAgreement)
		.innerJoin(user, eq(user.id, dataAgreement.userId))
		.where(eq(dataAgreement.firmId, firmId))
		.orderBy(asc(dataAgreement.recordedAt));
	// The firm's consent log for networks: every membership, also the ones it ended.
	const networks = await db
		.select({ network: network.name, basis: networkMember.basis, joinedAt: networkMember.joinedAt, leftAt: networkMember.leftAt })
		.from(networkMember)
		.innerJoin(network, eq(network.id, networkMember.networkId))
		.where(eq(networkMember.firmId, firmId))
		.orderBy(asc(networkMember.joinedAt));
	return {
		members: members.map((p) => ({ ...p, since: p.since.toISOString() })),
		networks: networks.map((n) => ({ ...n, joinedAt: n.joinedAt.toISOString(), leftAt: n.leftAt?.toISOString() ?? null })),
		// Someone invited from the directory of retired entrepreneurs: the firm never learns their address.
		advisers: advisers.map(({ viaDirectory, email, ...a }) => ({ ...a, email: viaDirectory ? null : email, grantedAt: a.grantedAt.toISOString(), revokedAt: a.revokedAt?.toISOString() ?? null })),
		ambassadorReportConsent: (await ambassadorReportLog(db, firmId)).map((c) => ({ ambassador: c.ambassador, shared: c.shared, changedBy: c.changedBy, changedAt: c.changedAt.toISOString() })),
		invitations: invitations.map(({ email, ...i }) => ({
			...i,
			email: i.listedName === null ? email : null,
			createdAt: i.createdAt.toISOString(),
			expiresAt: i.expiresAt.toISOString(),
			acceptedAt: i.acceptedAt?.toISOString() ?? null
		})),
		dataAgreements: agreements.map((a) => ({ ...a, recordedAt: a.recordedAt.toISOString(), revokedAt: a.revokedAt?.toISOString() ?? null }))
	};
}

async function exportLogPart(db: Database, firmId: string) {
	return (await exportLogOfFirm(db, firmId, 10_000)).map((line) => ({
		exportedAt: line.exportedAt.toISOString(),
		round: line.roundName,
		by: line.userEmail,
		deletedAccount: line.deletedAccount,
		basis: line.basis,
		level: line.level,
		format: line.format,
		respondents: line.respondents
	}));
}

/**
 * The firm's rounds, oldest first. The counts, cards, retention records and report versions of all rounds
 * come in one query each (grouped by round), so only the report figures are read round by round.
 */
async function roundsOfFirm(db: Database, found: FirmRow, input: { today: string; locale: AppLocale }): Promise<ArchiveRound[]> {
	const rows = await db.select().from(scanRound).where(eq(scanRound.firmId, found.id)).orderBy(asc(scanRound.createdAt));
	if (rows.length === 0) return [];
	// The reports first: asking for one may publish a new version, which the versions below must include.
	const withReports: { row: RoundRow; report: Report }[] = [];
	for (const row of rows) {
		const report = await reportOfRound(db, { firmName: found.name, round: reportRoundOf(row, found.employees), today: input.today, locale: input.locale });
		withReports.push({ row, report });
	}
	const facts = await roundFactsOfFirm(db, found.id);
	return withReports.map(({ row, report }) => archiveRound(row, facts, report));
}

function reportRoundOf(row: RoundRow, employees: number): ReportRound {
	const { id, firmId, name, instrumentVersion, opensOn, closesOn, status, invited, teams, threshold, openAnswersVerbatim, supervisorName, origin } = row;
	return { id, firmId, name, instrumentVersion, opensOn, closesOn, status, invited, teams, threshold, openAnswersVerbatim, supervisorName, origin, employees, followups: followupsOfRound(row.followups) };
}

interface RoundFacts {
	counts: Map<string, { employee: number; owner: number }>;
	cards: Map<string, number>;
	retention: Map<string, { removedOn: string; responsesRemoved: number }>;
	versions: Map<string, ArchiveRound['reportVersions']>;
}

async function roundFactsOfFirm(db: Database, firmId: string): Promise<RoundFacts> {
	const ofFirm = eq(scanRound.firmId, firmId);
	const counts = await db
		.select({
			roundId: scanResponse.roundId,
			employee: sql<number>`count(*) filter (where ${scanResponse.perspective} = 'employee')`.mapWith(Number),
			owner: sql<number>`count(*) filter (where ${scanResponse.perspective} = 'owner')`.mapWith(Number)
		})
		.from(scanResponse)
		.innerJoin(scanRound, eq(scanRound.id, scanResponse.roundId))
		.where(ofFirm)
		.groupBy(scanResponse.roundId);
	const cards = await db
		.select({ roundId: roundCard.roundId, printed: sql<number>`count(*)`.mapWith(Number) })
		.from(roundCard)
		.innerJoin(scanRound, eq(scanRound.id, roundCard.roundId))
		.where(ofFirm)
		.groupBy(roundCard.roundId);
	const retention = await db
		.select({ roundId: roundRetention.roundId, removedOn: roundRetention.removedOn, responsesRemoved: roundRetention.responsesRemoved })
		.from(roundRetention)
		.innerJoin(scanRound, eq(scanRound.id, roundRetention.roundId))
		.where(ofFirm);
	const versions = await db
		.select({ roundId: reportVersion.roundId, version: reportVersion.version, publishedOn: reportVersion.publishedOn, includedResponses: reportVersion.includedResponses })
		.from(reportVersion)
		.innerJoin(scanRound, eq(scanRound.id, reportVersion.roundId))
		.where(ofFirm)
		.orderBy(desc(reportVersion.version));
	const versionsByRound = new Map<string, ArchiveRound['reportVersions']>();
	for (const { roundId, ...version } of versions) versionsByRound.set(roundId, [...(versionsByRound.get(roundId) ?? []), version]);
	return {
		counts: new Map(counts.map(({ roundId, ...count }) => [roundId, count])),
		cards: new Map(cards.map((c) => [c.roundId, c.printed])),
		retention: new Map(retention.map(({ roundId, ...kept }) => [roundId, kept])),
		versions: versionsByRound
	};
}

function archiveRound(row: RoundRow, facts: RoundFacts, report: Report): ArchiveRound {
	const counts = facts.counts.get(row.id);
	return {
		name: row.name,
		status: row.status,
		opensOn: row.opensOn,
		closesOn: row.closesOn,
		invited: row.invited,
		teams: row.teams,
		threshold: row.threshold,
		inviteMode: row.inviteMode,
		openAnswersVerbatim: row.openAnswersVerbatim,
		followups: followupsOfRound(row.followups),
		createdAt: row.createdAt.toISOString(),
		closedAt: row.closedAt?.toISOString() ?? null,
		// No live count while the round is open or paused (see the top of this file).
		responses: row.status === 'closed' ? { employee: counts?.employee ?? 0, owner: counts?.owner ?? 0 } : null,
		cards: { printed: facts.cards.get(row.id) ?? 0 },
		retention: facts.retention.get(row.id) ?? null,
		reportVersions: facts.versions.get(row.id) ?? [],
		report
	};
}

/** The action plan with each action's progress notes, and the notes of follow-up sessions, oldest first. */
async function planOfFirm(db: Database, firmId: string) {
	const roundNames = new Map((await db.select({ id: scanRound.id, name: scanRound.name }).from(scanRound).where(eq(scanRound.firmId, firmId))).map((r) => [r.id, r.name]));
	const roundName = (id: string | null) => (id ? (roundNames.get(id) ?? null) : null);
	const actionRows = await db.select().from(firmAction).where(eq(firmAction.firmId, firmId)).orderBy(asc(firmAction.createdAt));
	const noteRows = await db
		.select({ actionId: firmActionNote.actionId, text: firmActionNote.text, writtenOn: firmActionNote.writtenOn, writtenBy: user.name })
		.from(firmActionNote)
		.innerJoin(firmAction, eq(firmAction.id, firmActionNote.actionId))
		.leftJoin(user, eq(user.id, firmActionNote.writtenBy))
		.where(eq(firmAction.firmId, firmId))
		.orderBy(asc(firmActionNote.writtenOn), asc(firmActionNote.id));
	const sessionNotes = await db
		.select({ roundId: sessionNote.roundId, step: sessionNote.aspectId, text: sessionNote.text, updatedAt: sessionNote.updatedAt })
		.from(sessionNote)
		.where(eq(sessionNote.firmId, firmId))
		.orderBy(asc(sessionNote.updatedAt));
	return {
		actions: actionRows.map((a) => ({
			title: a.title,
			why: a.why,
			aspect: a.aspectId,
			entry: a.entrySlug,
			origin: a.origin,
			round: roundName(a.roundId),
			who: a.assigneeName,
			startsOn: a.startsOn,
			dueOn: a.dueOn,
			status: a.status,
			doneOn: a.doneOn,
			createdAt: a.createdAt.toISOString(),
			notes: noteRows.filter((n) => n.actionId === a.id).map((n) => ({ text: n.text, writtenOn: n.writtenOn, by: n.writtenBy }))
		})),
		sessionNotes: sessionNotes.map((n) => ({ round: roundName(n.roundId), step: n.step, text: n.text, updatedAt: n.updatedAt.toISOString() }))
	};
}

async function actionNoteCount(db: Database, firmId: string): Promise<{ firm_action_note?: number }> {
	const [row] = await db
		.select({ n: sql<number>`count(*)`.mapWith(Number) })
		.from(firmActionNote)
		.innerJoin(firmAction, eq(firmAction.id, firmActionNote.actionId))
		.where(eq(firmAction.firmId, firmId));
	return row && row.n > 0 ? { firm_action_note: row.n } : {};
}
