// Where a firm's rows live: every table with a `firm_id` or `round_id` column, found in the database's
// own catalog rather than in a list kept by hand, so a table that a later migration adds is deleted and
// counted too (the foreign keys cascade as well; this is the second line).
import { sql, type SQL } from 'drizzle-orm';
import { count, listTables, qualified } from '../backup/catalog';
import { rowsOf, type SqlRunner } from '../db/raw-rows';

export interface FirmTable {
	name: string;
	hasFirmId: boolean;
	hasRoundId: boolean;
}

/** Tables holding rows of a firm, children before the tables they refer to (safe order for deleting). */
export async function firmTables(db: SqlRunner): Promise<FirmTable[]> {
	const tables = await listTables(db);
	return tables
		.map((t) => ({ name: t.name, hasFirmId: t.columns.includes('firm_id'), hasRoundId: t.columns.includes('round_id') }))
		.filter((t) => t.hasFirmId || t.hasRoundId)
		.reverse();
}

/**
 * The rows of `table` that belong to the firm: by its id, or by the id of one of its rounds. With
 * `closedRoundsOnly`, rows tied to a round that is still open or paused are left out (see `countFirmRows`).
 */
export function firmRowsWhere(table: FirmTable, firmId: string, closedRoundsOnly = false): SQL {
	const byFirm = sql`${sql.identifier('firm_id')} = ${firmId}`;
	const closed = closedRoundsOnly ? sql` and status = 'closed'` : sql``;
	const byRound = sql`${sql.identifier('round_id')} in (select id from ${qualified('scan_round')} where firm_id = ${firmId}${closed})`;
	if (table.hasFirmId && table.hasRoundId) {
		if (!closedRoundsOnly) return sql`(${byFirm} or ${byRound})`;
		return sql`((${byFirm} and ${sql.identifier('round_id')} is null) or ${byRound})`;
	}
	return table.hasFirmId ? byFirm : byRound;
}

/**
 * Rows per table that belong to the firm, the firm's own row included; tables without any are left out.
 * `closedRoundsOnly` leaves out rows tied to rounds still open or paused: their responses, receipts and
 * signals move with each single response, a live count the firm's people must not see (issue 10).
 */
export async function countFirmRows(
	db: SqlRunner,
	firmId: string,
	tables?: readonly FirmTable[],
	closedRoundsOnly = false
): Promise<Record<string, number>> {
	const counts: Record<string, number> = {};
	const [firmRow] = await rowsOf(db, sql`select count(*)::int as n from ${qualified('firm')} where id = ${firmId}`);
	if (count(firmRow) > 0) counts.firm = count(firmRow);
	for (const table of tables ?? (await firmTables(db))) {
		const [row] = await rowsOf(db, sql`select count(*)::int as n from ${qualified(table.name)} where ${firmRowsWhere(table, firmId, closedRoundsOnly)}`);
		const n = count(row);
		if (n > 0) counts[table.name] = n;
	}
	return counts;
}
