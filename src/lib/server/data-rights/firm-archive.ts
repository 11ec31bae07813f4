// Everything a firm stored, for its owner to take along (AVG art. 15 and 20), as ONE JSON document:
// leerkompas-<slug>-<date>.json. One JSON file rather than a ZIP, because no zip library is installed and
// a hand-made archive format would be one more thing to get wrong; JSON opens anywhere, and the
// respondent-level answers are embedded as CSV text that a spreadsheet reads once saved as a file.
//
// What is in it: the firm; its people (members, advisers with consent, invitations, data agreements); the
// log of respondent-level exports; per round its settings, counts, published report versions and the latest
// report figures. Left out on purpose: answers per person (they go only to a researcher with a data
// agreement, never to the firm: a row's profile can name a colleague), survey links and card codes (they
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
import type { Locale } from '../../domain/instrument';
import type { Report } from '../../domain/report/schema';
import type { Database } from '../db/client';
import { adviserGrant, dataAgreement, firm, firmInvitation, firmMember, reportVersion, roundCard, roundRetention, scanResponse, scanRound, user } from '../db/schema';
import { exportLogOfFirm } from '../export/audit-log';
import { reportOfRound } from '../export/export-round';
import { findReportRound } from '../report/publish/report-round';
import { countFirmRows } from './firm-tables';

export const ARCHIVE_FORMAT = 'leerkompas-firm-archive';
// 2: the rounds no longer carry `statements` (answers per person).
// 3: a round not yet closed has `responses: null`, and `storedRows` leaves out rows of such rounds (no live count).
export const ARCHIVE_VERSION = 3;

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
	input: { firmId: string; today: string; locale: Locale; about: string }
): Promise<FirmArchive | null> {
	const [found] = await db.select().from(firm).where(eq(firm.id, input.firmId)).limit(1);
	if (!found) return null;

	const members = await db
		.select({ name: user.name, email: user.email, role: firmMember.role, since: firmMember.createdAt })
		.from(firmMember)
		.innerJoin(user, eq(user.id, firmMember.userId))
		.where(eq(firmMember.firmId, found.id))
		.orderBy(asc(firmMember.createdAt));
	const advisers = await db
		.select({ name: user.name, email: user.email, kind: adviserGrant.kind, grantedAt: adviserGrant.grantedAt, revokedAt: adviserGrant.revokedAt })
		.from(adviserGrant)
		.innerJoin(user, eq(user.id, adviserGrant.adviserId))
		.where(eq(adviserGrant.firmId, found.id))
		.orderBy(asc(adviserGrant.grantedAt));
	const invitations = await db
		.select({ email: firmInvitation.email, role: firmInvitation.role, createdAt: firmInvitation.createdAt, expiresAt: firmInvitation.expiresAt, acceptedAt: firmInvitation.acceptedAt })
		.from(firmInvitation)
		.where(eq(firmInvitation.firmId, found.id))
		.orderBy(asc(firmInvitation.createdAt));
	const agreements = await db
		.select({ name: user.name, email: user.email, recordedAt: dataAgreement.recordedAt, revokedAt: dataAgreement.revokedAt })
		.from(dataAgreement)
		.innerJoin(user, eq(user.id, dataAgreement.userId))
		.where(eq(dataAgreement.firmId, found.id))
		.orderBy(asc(dataAgreement.recordedAt));

	const roundRows = await db.select({ id: scanRound.id }).from(scanRound).where(eq(scanRound.firmId, found.id)).orderBy(asc(scanRound.createdAt));
	const rounds: ArchiveRound[] = [];
	for (const { id } of roundRows) {
		const round = await findReportRound(db, found.id, id);
		const [row] = await db.select().from(scanRound).where(eq(scanRound.id, id)).limit(1);
		if (!round || !row) continue;
		const report = await reportOfRound(db, { firmName: found.name, round, today: input.today, locale: input.locale });
		const [counts] = await db
			.select({
				employee: sql<number>`count(*) filter (where ${scanResponse.perspective} = 'employee')`.mapWith(Number),
				owner: sql<number>`count(*) filter (where ${scanResponse.perspective} = 'owner')`.mapWith(Number)
			})
			.from(scanResponse)
			.where(eq(scanResponse.roundId, id));
		const [cards] = await db
			.select({ printed: sql<number>`count(*)`.mapWith(Number) })
			.from(roundCard)
			.where(eq(roundCard.roundId, id));
		const [retention] = await db
			.select({ removedOn: roundRetention.removedOn, responsesRemoved: roundRetention.responsesRemoved })
			.from(roundRetention)
			.where(eq(roundRetention.roundId, id));
		const versions = await db
			.select({ version: reportVersion.version, publishedOn: reportVersion.publishedOn, includedResponses: reportVersion.includedResponses })
			.from(reportVersion)
			.where(eq(reportVersion.roundId, id))
			.orderBy(desc(reportVersion.version));
		rounds.push({
			name: row.name,
			status: row.status,
			opensOn: row.opensOn,
			closesOn: row.closesOn,
			invited: row.invited,
			teams: row.teams,
			threshold: row.threshold,
			inviteMode: row.inviteMode,
			openAnswersVerbatim: row.openAnswersVerbatim,
			createdAt: row.createdAt.toISOString(),
			closedAt: row.closedAt?.toISOString() ?? null,
			responses: row.status === 'closed' ? { employee: counts?.employee ?? 0, owner: counts?.owner ?? 0 } : null,
			cards: { printed: cards?.printed ?? 0 },
			retention: retention ?? null,
			reportVersions: versions,
			report
		});
	}

	const exportLog = (await exportLogOfFirm(db, found.id, 10_000)).map((line) => ({
		exportedAt: line.exportedAt.toISOString(),
		round: line.roundName,
		by: line.userEmail,
		deletedAccount: line.deletedAccount,
		basis: line.basis,
		level: line.level,
		format: line.format,
		respondents: line.respondents
	}));

	const archive = {
		format: ARCHIVE_FORMAT,
		version: ARCHIVE_VERSION,
		createdOn: input.today,
		about: input.about,
		firm: {
			name: found.name,
			slug: found.slug,
			sector: found.sector,
			sizeClass: found.sizeClass,
			province: found.province,
			employees: found.employees,
			createdAt: found.createdAt.toISOString()
		},
		people: {
			members: members.map((p) => ({ ...p, since: p.since.toISOString() })),
			advisers: advisers.map((a) => ({ ...a, grantedAt: a.grantedAt.toISOString(), revokedAt: a.revokedAt?.toISOString() ?? null })),
			invitations: invitations.map((i) => ({
				...i,
				createdAt: i.createdAt.toISOString(),
				expiresAt: i.expiresAt.toISOString(),
				acceptedAt: i.acceptedAt?.toISOString() ?? null
			})),
			dataAgreements: agreements.map((a) => ({ ...a, recordedAt: a.recordedAt.toISOString(), revokedAt: a.revokedAt?.toISOString() ?? null }))
		},
		exportLog,
		rounds,
		storedRows: await countFirmRows(db, found.id, undefined, true)
	};
	return { fileName: `leerkompas-${found.slug}-${input.today}.json`, body: `${JSON.stringify(archive, null, 2)}\n` };
}
