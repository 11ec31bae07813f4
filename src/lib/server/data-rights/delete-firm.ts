// Deleting a firm with everything it stored (AVG art. 17). The owner confirms by typing the firm's name;
// then every row of the firm goes, in one transaction, from every table that holds a firm_id or round_id,
// and the deletion is logged without personal data: a hash of the firm's id, the day and the row counts.
// The accounts of the people who worked with the firm stay: they are theirs, not the firm's.
// The firm's approved success stories live on as praktijkvoorbeeld entries of the knowledge base (which has
// no firm_id, as it is everyone's): those entries go too, with every version, in the same transaction, since
// they tell the firm's story and may carry its name.
import { createHash } from 'node:crypto';
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { deletionLog, firm, knowledgeEntry, successStory } from '../db/schema';
import { qualified } from '../backup/catalog';
import { countFirmRows, firmRowsWhere, firmTables } from './firm-tables';
import { forgetCachedRounds } from '../scan/survey/round-cache';

export function subjectHash(id: string): string {
	return createHash('sha256').update(id).digest('hex');
}

/** The typed name must be the firm's name; capitals and spaces around it do not count. */
export function confirmsFirmName(typed: string, name: string): boolean {
	const normal = (text: string) => text.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl');
	return typed.trim() !== '' && normal(typed) === normal(name);
}

export type DeleteFirmResult = { ok: true; rows: Record<string, number> } | { ok: false; reason: 'not_found' | 'name_mismatch' };

export async function deleteFirm(db: Database, input: { firmId: string; confirmName: string; today: string }): Promise<DeleteFirmResult> {
	const [found] = await db.select({ id: firm.id, name: firm.name }).from(firm).where(eq(firm.id, input.firmId)).limit(1);
	if (!found) return { ok: false, reason: 'not_found' };
	if (!confirmsFirmName(input.confirmName, found.name)) return { ok: false, reason: 'name_mismatch' };

	const rows = await db.transaction(async (tx) => {
		const tables = await firmTables(tx);
		const counts = await countFirmRows(tx, found.id, tables);
		const stories = await tx
			.select({ slug: successStory.entrySlug })
			.from(successStory)
			.where(and(eq(successStory.firmId, found.id), isNotNull(successStory.entrySlug)));
		const slugs = stories.flatMap((s) => (s.slug ? [s.slug] : []));
		if (slugs.length > 0) {
			// The versions follow their entry (on delete cascade).
			const removed = await tx.delete(knowledgeEntry).where(inArray(knowledgeEntry.slug, slugs)).returning({ id: knowledgeEntry.id });
			if (removed.length > 0) counts.knowledge_entry = removed.length;
		}
		for (const table of tables) {
			await tx.execute(sql`delete from ${qualified(table.name)} where ${firmRowsWhere(table, found.id)}`);
		}
		await tx.delete(firm).where(eq(firm.id, found.id));
		await tx.insert(deletionLog).values({ kind: 'firm', subjectHash: subjectHash(found.id), deletedOn: input.today, rows: counts });
		return counts;
	});
	await forgetCachedRounds();
	return { ok: true, rows };
}
