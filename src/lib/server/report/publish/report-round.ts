// The round fields a report needs, found by id (web) or by name (CLI), always within one firm: a round of
// another firm is not found, whatever its id.
import { and, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { firm, scanRound } from '../../db/schema';
import { followupsOfRound, type FollowupQuestion } from '../../../domain/followup/followup';

export interface ReportRound {
	id: string;
	firmId: string;
	name: string;
	instrumentVersion: string;
	opensOn: string;
	closesOn: string;
	status: 'open' | 'paused' | 'closed';
	invited: number;
	teams: string[];
	threshold: number;
	openAnswersVerbatim: boolean;
	/** The supervising adviser's name; null for a round the firm ran itself. */
	supervisorName: string | null;
	/** Collected by Leerkompas or imported from a file (see the scan_round table). */
	origin: 'collected' | 'imported';
	/** The firm's number of employees, for the signal "more responses than employees". */
	employees: number;
	/** The round's questions about finished actions (domain/followup), as asked. */
	followups: FollowupQuestion[];
}

const columns = {
	id: scanRound.id,
	firmId: scanRound.firmId,
	name: scanRound.name,
	instrumentVersion: scanRound.instrumentVersion,
	opensOn: scanRound.opensOn,
	closesOn: scanRound.closesOn,
	status: scanRound.status,
	invited: scanRound.invited,
	teams: scanRound.teams,
	threshold: scanRound.threshold,
	openAnswersVerbatim: scanRound.openAnswersVerbatim,
	supervisorName: scanRound.supervisorName,
	origin: scanRound.origin,
	employees: firm.employees,
	followups: scanRound.followups
};

type RoundRow = Omit<ReportRound, 'followups'> & { followups: unknown };

const reportRound = (row: RoundRow): ReportRound => ({ ...row, followups: followupsOfRound(row.followups) });

const uuid = z.uuid();

export async function findReportRound(db: Database, firmId: string, roundId: string): Promise<ReportRound | null> {
	// A malformed id would make PostgreSQL refuse the query; for a visitor it is simply a round that is not there.
	if (!uuid.safeParse(roundId).success) return null;
	const [found] = await db
		.select(columns)
		.from(scanRound)
		.innerJoin(firm, eq(firm.id, scanRound.firmId))
		.where(and(eq(scanRound.firmId, firmId), eq(scanRound.id, roundId)))
		.limit(1);
	return found ? reportRound(found) : null;
}

/** Round names are unique per firm regardless of capitals (see create-round.ts), so this finds at most one. */
export async function findReportRoundByName(db: Database, firmId: string, name: string): Promise<ReportRound | null> {
	const [found] = await db
		.select(columns)
		.from(scanRound)
		.innerJoin(firm, eq(firm.id, scanRound.firmId))
		.where(and(eq(scanRound.firmId, firmId), sql`lower(${scanRound.name}) = lower(${name.trim()})`))
		.limit(1);
	return found ? reportRound(found) : null;
}

/** For the CLI, which names a firm by its slug and has no signed-in person to check. */
export async function findReportFirm(db: Database, slug: string): Promise<{ id: string; slug: string; name: string } | null> {
	const [found] = await db.select({ id: firm.id, slug: firm.slug, name: firm.name }).from(firm).where(eq(firm.slug, slug.trim())).limit(1);
	return found ?? null;
}

/** Names of a firm's rounds, newest first, to help someone who mistyped one. */
export async function reportRoundNames(db: Database, firmId: string): Promise<string[]> {
	const rows = await db.select({ name: scanRound.name }).from(scanRound).where(eq(scanRound.firmId, firmId)).orderBy(desc(scanRound.createdAt));
	return rows.map((r) => r.name);
}
