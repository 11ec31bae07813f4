// The progress talks of a network: per year for the list and the annual report, one by id for its page.
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { progressTalk } from '../db/schema';

export type TalkRecord = typeof progressTalk.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The talks of one year, by project name; `finalOnly` for the annual report, which holds no drafts. */
export async function talksOfYear(db: Database, networkId: string, year: number, options: { finalOnly?: boolean } = {}): Promise<TalkRecord[]> {
	const where = [eq(progressTalk.networkId, networkId), eq(progressTalk.year, year)];
	if (options.finalOnly) where.push(eq(progressTalk.status, 'final'));
	return db
		.select()
		.from(progressTalk)
		.where(and(...where))
		.orderBy(asc(sql`lower(${progressTalk.project})`), asc(progressTalk.createdAt));
}

/** A talk of this network, or null (also for an id that is no uuid, or a talk of another network). */
export async function findTalk(db: Database, networkId: string, talkId: string): Promise<TalkRecord | null> {
	if (!UUID.test(talkId)) return null;
	const [row] = await db
		.select()
		.from(progressTalk)
		.where(and(eq(progressTalk.id, talkId), eq(progressTalk.networkId, networkId)))
		.limit(1);
	return row ?? null;
}

/** The years that have talks, newest first, with how many talks and how many of them are final. */
export async function talkYears(db: Database, networkId: string): Promise<{ year: number; talks: number; final: number }[]> {
	const rows = await db
		.select({
			year: progressTalk.year,
			talks: sql<number>`count(*)::int`,
			final: sql<number>`count(*) filter (where ${progressTalk.status} = 'final')::int`
		})
		.from(progressTalk)
		.where(eq(progressTalk.networkId, networkId))
		.groupBy(progressTalk.year)
		.orderBy(desc(progressTalk.year));
	return rows.map((r) => ({ year: r.year, talks: Number(r.talks), final: Number(r.final) }));
}
