// How many answered: the only thing about answers the round page ever shows.
import { and, count, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { scanResponse } from '../../db/schema';

export interface ResponseCounts {
	employee: number;
	owner: number;
}

export async function responseCounts(db: Database, roundIds: readonly string[]): Promise<Map<string, ResponseCounts>> {
	const counts = new Map<string, ResponseCounts>(roundIds.map((id) => [id, { employee: 0, owner: 0 }]));
	if (roundIds.length === 0) return counts;
	const rows = await db
		.select({ roundId: scanResponse.roundId, perspective: scanResponse.perspective, n: count() })
		.from(scanResponse)
		.where(roundIds.length === 1 ? eq(scanResponse.roundId, roundIds[0]!) : inArray(scanResponse.roundId, [...roundIds]))
		.groupBy(scanResponse.roundId, scanResponse.perspective);
	for (const row of rows) counts.get(row.roundId)![row.perspective] = Number(row.n);
	return counts;
}

/**
 * Employees who answered, as a whole percentage of those invited. More answers than invited (the link
 * travelled further) stays at 100: a rate above it would read as a success, where it is a warning sign.
 */
export function responseRate(employeeResponses: number, invited: number): number {
	return invited > 0 ? Math.min(100, Math.round((employeeResponses / invited) * 100)) : 0;
}

/** Whether answers were read into the round from a file: then nobody was invited through Leerkompas. */
export async function roundIsImported(db: Database, roundId: string): Promise<boolean> {
	const [row] = await db
		.select({ id: scanResponse.id })
		.from(scanResponse)
		.where(and(eq(scanResponse.roundId, roundId), eq(scanResponse.source, 'import')))
		.limit(1);
	return row !== undefined;
}
