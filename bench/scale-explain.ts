// The queries behind the owner's pages in bench/scale.ts, with their plans (EXPLAIN ANALYZE) on the full
// database: the way to see which one reads a whole table when a page gets slower with more firms.
// The queries are built the way the page code builds them (same tables, conditions and order).
import { and, count, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../src/lib/server/db/client';
import { adviserGrant, firm, firmMember, reportVersion, roundCard, roundRetention, scanResponse, scanRound, session, user } from '../src/lib/server/db/schema';
import type { MeasuredFirm } from './scale-fill';

function rowsOf(result: unknown): Record<string, unknown>[] {
	if (Array.isArray(result)) return result as Record<string, unknown>[];
	return ((result as { rows?: Record<string, unknown>[] }).rows ?? []) as Record<string, unknown>[];
}

async function explain(db: Database, query: SQL): Promise<string> {
	const rows = rowsOf(await db.execute(sql`explain (analyze, costs off) ${query}`));
	return rows.map((row) => String(Object.values(row)[0])).join('\n');
}

export async function explainPageQueries(db: Database, measured: MeasuredFirm): Promise<string> {
	const [owner] = await db.select({ id: user.id }).from(user).where(eq(user.email, measured.email));
	const [found] = await db.select({ id: firm.id }).from(firm).where(eq(firm.slug, measured.slug));
	if (!owner || !found) return 'EXPLAIN: the measured firm is missing.';
	const [token] = await db.select({ token: session.token }).from(session).where(eq(session.userId, owner.id)).limit(1);
	const rounds = await db.select({ id: scanRound.id }).from(scanRound).where(eq(scanRound.firmId, found.id));
	const roundId = measured.roundId;

	const queries: [string, SQL][] = [
		['session by token (every signed-in request)', db.select().from(session).where(eq(session.token, token?.token ?? '')).getSQL()],
		['firm by slug (firmAccess)', db.select().from(firm).where(eq(firm.slug, measured.slug)).limit(1).getSQL()],
		['membership (firmAccess)', db.select({ role: firmMember.role }).from(firmMember).where(and(eq(firmMember.firmId, found.id), eq(firmMember.userId, owner.id))).limit(1).getSQL()],
		['my firms (firmsOfUser)', db.select({ slug: firm.slug, name: firm.name, role: firmMember.role }).from(firmMember).innerJoin(firm, eq(firm.id, firmMember.firmId)).where(eq(firmMember.userId, owner.id)).getSQL()],
		['advised firms (firmsOfUser)', db.selectDistinct({ slug: firm.slug, name: firm.name }).from(adviserGrant).innerJoin(firm, eq(firm.id, adviserGrant.firmId)).where(and(eq(adviserGrant.adviserId, owner.id), isNull(adviserGrant.revokedAt))).getSQL()],
		['rounds of the firm (listRounds)', db.select({ id: scanRound.id, name: scanRound.name }).from(scanRound).where(eq(scanRound.firmId, found.id)).orderBy(desc(scanRound.opensOn), desc(scanRound.createdAt)).getSQL()],
		[
			'answer counts of the firm\u2019s rounds (responseCounts)',
			db
				.select({ roundId: scanResponse.roundId, perspective: scanResponse.perspective, n: count() })
				.from(scanResponse)
				.where(sql`${scanResponse.roundId} in (${sql.join(rounds.map((r) => sql`${r.id}`), sql`, `)})`)
				.groupBy(scanResponse.roundId, scanResponse.perspective)
				.getSQL()
		],
		['round of the firm (findFirmRound)', db.select().from(scanRound).where(and(eq(scanRound.id, roundId), eq(scanRound.firmId, found.id))).limit(1).getSQL()],
		['unused cards (roundOverview)', db.select({ n: count() }).from(roundCard).where(and(eq(roundCard.roundId, roundId), isNull(roundCard.usedOn))).getSQL()],
		['latest report version (publishRoundReport)', db.select().from(reportVersion).where(eq(reportVersion.roundId, roundId)).orderBy(desc(reportVersion.version)).limit(1).getSQL()],
		[
			'fresh and owner answers (publishRoundReport)',
			db
				.select({
					fresh: sql<number>`count(*) filter (where ${scanResponse.perspective} = 'employee' and ${scanResponse.publishedIn} is null)`,
					owners: sql<number>`count(*) filter (where ${scanResponse.perspective} = 'owner')`
				})
				.from(scanResponse)
				.where(eq(scanResponse.roundId, roundId))
				.getSQL()
		],
		['retention mark (isRetained)', db.select({ roundId: roundRetention.roundId }).from(roundRetention).where(eq(roundRetention.roundId, roundId)).limit(1).getSQL()]
	];
	const parts = ['Query plans on the full database (EXPLAIN ANALYZE, costs off):'];
	for (const [label, query] of queries) parts.push('', `-- ${label}`, await explain(db, query));
	return parts.join('\n');
}
