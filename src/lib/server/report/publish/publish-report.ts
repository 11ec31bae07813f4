// Publishing versions of a round's report, lazily: whenever a report is asked for (page, PDF, JSON, CLI)
// and when a round closes. The rule itself is the domain's publicationDecision; this file only counts,
// builds and stores, so every way of reading a report sees the same published versions.
import { isRetained } from './retained';
import { and, desc, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { randomInt } from 'node:crypto';
import { buildReport, discloseReport, reportSchema, shownSetsOfReport, type EarlierVersion, type IdentifiedResponse, type Report, type ReportSignals } from '../../../domain/report';
import { noSignals, roundSignals } from '../../../domain/signals';
import { publicationDecision, type PublicationDecision } from '../../../domain/privacy';
import { loadInstrument, type AppLocale } from '../../../domain/instrument';
import type { ScanResponse } from '../../../domain/response';
import { roundState } from '../../../domain/round-state';
import type { Database } from '../../db/client';
import { reportVersion, roundSignal, scanResponse } from '../../db/schema';
import type { ReportRound } from './report-round';
import { responseColumns, responseOfRow } from './stored-response';
import { packedShownSetsSchema, packShownSets, unpackShownSets } from './shown-sets';

export type LocalizedReports = Record<AppLocale, Report>;

export interface PublishedVersion {
	version: number;
	includedResponses: number;
	publishedOn: string;
	reports: LocalizedReports;
}

export interface PublicationState {
	/** The version the owner may see now; null while fewer than k employees answered. */
	latest: PublishedVersion | null;
	/** Employee responses in the round now, shown or not. */
	responses: number;
	closed: boolean;
	decision: PublicationDecision;
}

// An IN list this long stays well under every driver's limit on bound parameters.
const MARK_CHUNK = 1000;

export async function publishRoundReport(db: Database, round: ReportRound, today: string): Promise<PublicationState> {
	// Two requests may publish at once; the loser's insert finds the version taken and it reads again.
	for (let attempt = 0; attempt < 3; attempt++) {
		const state = await tryPublish(db, round, today);
		if (state) return state;
	}
	throw new Error(`Could not publish a report version for round ${round.id}`);
}

async function tryPublish(db: Database, round: ReportRound, today: string): Promise<PublicationState | null> {
	const { latestRow, fresh, owners } = await readSnapshot(db, round.id);
	const published = latestRow?.includedResponses ?? 0;
	const closed = roundState(round, today) === 'closed';
	const decision = publicationDecision({ responses: published + fresh, published, k: round.threshold, closed });
	const latest = latestRow ? storedVersion(latestRow) : null;
	const state = (version: PublishedVersion | null): PublicationState => ({
		latest: version,
		responses: published + fresh,
		closed,
		decision
	});
	// After retention removed the answers, the stored figures are all that is left: never rebuild them.
	if (await isRetained(db, round.id)) return state(latest);
	if (decision.publish) return publishNextVersion(db, round, today, (latestRow?.version ?? 0) + 1, closed);
	// The owner's own answers are no secret to the owner: they join the current version when they come,
	// and at close the count of answers that came too late is added. The employee figures stay as published.
	if (latest && latestRow && (latestRow.ownerResponses !== owners || latest.reports.nl.lateResponses !== decision.tooLate)) {
		return state({ ...latest, reports: await refreshOwnerAnswers(db, round, latest, decision.tooLate) });
	}
	return state(latest);
}

type VersionRow = typeof reportVersion.$inferSelect;

/**
 * The latest version and the count of answers not in it, from one snapshot: read apart, a version another
 * request committed in between would be missing from the first and its answers from the second.
 */
async function readSnapshot(db: Database, roundId: string): Promise<{ latestRow: VersionRow | undefined; fresh: number; owners: number }> {
	return db.transaction(
		async (tx) => {
			const [latestRow] = await tx
				.select()
				.from(reportVersion)
				.where(eq(reportVersion.roundId, roundId))
				.orderBy(desc(reportVersion.version))
				.limit(1);
			const [counts] = await tx
				.select({
					fresh: sql<number>`count(*) filter (where ${scanResponse.perspective} = 'employee' and ${scanResponse.publishedIn} is null)`.mapWith(Number),
					owners: sql<number>`count(*) filter (where ${scanResponse.perspective} = 'owner')`.mapWith(Number)
				})
				.from(scanResponse)
				.where(eq(scanResponse.roundId, roundId));
			return { latestRow, fresh: counts?.fresh ?? 0, owners: counts?.owners ?? 0 };
		},
		{ isolationLevel: 'repeatable read', accessMode: 'read only' }
	);
}

/** Builds and stores version `number` from every response now in the round; null when another request was first. */
async function publishNextVersion(db: Database, round: ReportRound, today: string, number: number, closed: boolean): Promise<PublicationState | null> {
	const rows = await responseRows(db, round.id, 'all');
	const newIds = rows.filter((r) => r.perspective === 'employee' && r.publishedIn === null).map((r) => r.id);
	const employees = rows.filter((r) => r.perspective === 'employee').map(identified);
	const ownerResponses = rows.filter((r) => r.perspective === 'owner').map(responseOfRow);
	// The signals are taken as they stand now and stay with this version: nothing shown moves between versions.
	const signals = roundSignals({ counters: await signalCounters(db, round.id), included: employees.length, invited: invitedOf(round), employees: round.employees });
	const { reports, shown } = publishedReports(round, employees, ownerResponses, 0, await earlierVersions(db, round, employees, number), signals);
	const inserted = await db.transaction(async (tx) => {
		const [row] = await tx
			.insert(reportVersion)
			.values({
				roundId: round.id,
				version: number,
				includedResponses: employees.length,
				ownerResponses: ownerResponses.length,
				publishedOn: today,
				report: reports,
				shownSets: packShownSets(shown)
			})
			.onConflictDoNothing()
			.returning({ version: reportVersion.version });
		if (!row) return false;
		for (let i = 0; i < newIds.length; i += MARK_CHUNK) {
			await tx
				.update(scanResponse)
				.set({ publishedIn: number })
				.where(and(inArray(scanResponse.id, newIds.slice(i, i + MARK_CHUNK)), isNull(scanResponse.publishedIn)));
		}
		return true;
	});
	if (!inserted) return null;
	// Responses that arrived between counting and reading are in this version too, so decide again from it.
	const included = employees.length;
	// Read back as stored, so that the first view of a version is byte for byte the same as every later one
	// (the database orders an object's keys its own way): no view may tell when a version was made.
	const [stored] = await db
		.select()
		.from(reportVersion)
		.where(and(eq(reportVersion.roundId, round.id), eq(reportVersion.version, number)))
		.limit(1);
	return {
		latest: stored ? storedVersion(stored) : { version: number, includedResponses: included, publishedOn: today, reports },
		responses: included,
		closed,
		decision: publicationDecision({ responses: included, published: included, k: round.threshold, closed })
	};
}

/** The latest version's reports again with the owner answers and late count of now; the employee figures stay. */
async function refreshOwnerAnswers(db: Database, round: ReportRound, latest: PublishedVersion, tooLate: number): Promise<LocalizedReports> {
	// Only the responses of this version: another request may be publishing the next one meanwhile.
	const rows = await responseRows(db, round.id, latest.version);
	const employees = rows.filter((r) => r.perspective === 'employee').map(identified);
	const ownerResponses = rows.filter((r) => r.perspective === 'owner').map(responseOfRow);
	// The same input as when it was published gives the same employee figures; the open answers keep
	// the order this version was published with.
	const rebuilt = publishedReports(round, employees, ownerResponses, tooLate, await earlierVersions(db, round, employees, latest.version), latest.reports.nl.signals).reports;
	const reports: LocalizedReports = {
		nl: { ...rebuilt.nl, open: latest.reports.nl.open },
		en: { ...rebuilt.en, open: latest.reports.en.open }
	};
	await db
		.update(reportVersion)
		.set({ report: reports, ownerResponses: ownerResponses.length })
		.where(and(eq(reportVersion.roundId, round.id), eq(reportVersion.version, latest.version)));
	return reports;
}

/** Every owner response, and the employee responses of versions up to `upTo` (or all of them). */
async function responseRows(db: Database, roundId: string, upTo: 'all' | number) {
	return db
		.select({ id: scanResponse.id, ...responseColumns, publishedIn: scanResponse.publishedIn })
		.from(scanResponse)
		.where(
			and(
				eq(scanResponse.roundId, roundId),
				upTo === 'all' ? undefined : or(eq(scanResponse.perspective, 'owner'), lte(scanResponse.publishedIn, upTo))
			)
		)
		// A version is worked out again on every view: in one fixed order, its sums come out the same to the last
		// bit, whatever order the database's plan gives the rows (a late answer could change it).
		.orderBy(scanResponse.id);
}

function identified(row: Parameters<typeof responseOfRow>[0] & { id: string }): IdentifiedResponse {
	return { id: row.id, response: responseOfRow(row) };
}

/** Open answers get a new random order per version; crypto, so that no one can predict or replay it. */
const randomFraction = () => randomInt(0, 2 ** 47) / 2 ** 47;

/**
 * A version's reports as published: built from its responses, then through disclosure control with every
 * earlier version of the round as input. Runs only when a version is published or its owner answers change,
 * never per page view: the stored reports are what every format shows.
 */
export function publishedReports(
	round: ReportRound,
	employees: readonly IdentifiedResponse[],
	owners: readonly ScanResponse[],
	lateResponses: number,
	earlier: readonly EarlierVersion[],
	signals: ReportSignals | null = null
) {
	const built = buildReports(round, employees.map((e) => e.response), owners, lateResponses, signals);
	return discloseReport({
		instrument: loadInstrument(round.instrumentVersion),
		threshold: round.threshold,
		employees,
		reports: built,
		earlier,
		random: randomFraction
	});
}

/** Every version before `before`, with what it showed (worked out again for versions that did not keep it). */
async function earlierVersions(db: Database, round: ReportRound, employees: readonly IdentifiedResponse[], before: number): Promise<EarlierVersion[]> {
	const rows = await db
		.select()
		.from(reportVersion)
		.where(and(eq(reportVersion.roundId, round.id), lt(reportVersion.version, before)));
	if (rows.length === 0) return [];
	const needRebuild = rows.some((row) => row.shownSets === null);
	const versionOf = needRebuild ? await publishedInOf(db, round.id) : new Map<string, number>();
	return rows.map((row) => {
		const { reports } = storedVersion(row);
		const packed = packedShownSetsSchema.safeParse(row.shownSets);
		const shown = packed.success
			? unpackShownSets(packed.data)
			: shownSetsOfReport(
					loadInstrument(round.instrumentVersion),
					employees.filter((e) => (versionOf.get(e.id) ?? Infinity) <= row.version),
					reports.nl
				);
		return { version: row.version, shown, reports };
	});
}

async function publishedInOf(db: Database, roundId: string): Promise<Map<string, number>> {
	const rows = await db
		.select({ id: scanResponse.id, publishedIn: scanResponse.publishedIn })
		.from(scanResponse)
		.where(and(eq(scanResponse.roundId, roundId), eq(scanResponse.perspective, 'employee')));
	return new Map(rows.flatMap((r) => (r.publishedIn === null ? [] : [[r.id, r.publishedIn] as const])));
}

/** Counters of the round's warning signals (round_signal); zero when none was ever raised. */
async function signalCounters(db: Database, roundId: string) {
	const [row] = await db
		.select({ burst: roundSignal.burst, identical: roundSignal.identical, sameAnswer: roundSignal.sameAnswer })
		.from(roundSignal)
		.where(eq(roundSignal.roundId, roundId))
		.limit(1);
	return row ?? noSignals;
}

/** An imported round invited nobody through Leerkompas: it has no number invited and no response rate. */
function invitedOf(round: Pick<ReportRound, 'origin' | 'invited'>): number | null {
	return round.origin === 'imported' || round.invited <= 0 ? null : round.invited;
}

/**
 * The owner's version answered by several people (owner, co-managers) is shown only from k of them: with
 * two or three, each could subtract their own answers and read the other's. One alone is that person's own.
 */
export function shownOwnerResponses<T>(owners: readonly T[], k: number): readonly T[] {
	return owners.length <= 1 || owners.length >= k ? owners : [];
}

export function buildReports(
	round: ReportRound,
	employees: readonly ScanResponse[],
	owners: readonly ScanResponse[],
	lateResponses: number,
	signals: ReportSignals | null = null
): LocalizedReports {
	return {
		nl: buildRoundReport(round, employees, owners, lateResponses, 'nl', signals),
		en: buildRoundReport(round, employees, owners, lateResponses, 'en', signals)
	};
}

export function buildRoundReport(
	round: ReportRound,
	employees: readonly ScanResponse[],
	owners: readonly ScanResponse[],
	lateResponses: number,
	locale: AppLocale,
	signals: ReportSignals | null = null
): Report {
	return buildReport({
		instrument: loadInstrument(round.instrumentVersion),
		responses: employees,
		ownerResponses: shownOwnerResponses(owners, round.threshold),
		threshold: round.threshold,
		invited: invitedOf(round),
		openAnswersVerbatim: round.openAnswersVerbatim,
		locale,
		teams: round.teams,
		lateResponses,
		supervisedBy: round.supervisorName === null ? null : { name: round.supervisorName },
		origin: round.origin,
		signals,
		followups: round.followups
	});
}

const storedReportsSchema = z.strictObject({ nl: reportSchema, en: reportSchema } satisfies Record<AppLocale, typeof reportSchema>);

function storedVersion(row: typeof reportVersion.$inferSelect): PublishedVersion {
	return {
		version: row.version,
		includedResponses: row.includedResponses,
		publishedOn: row.publishedOn,
		reports: storedReportsSchema.parse(row.report)
	};
}
