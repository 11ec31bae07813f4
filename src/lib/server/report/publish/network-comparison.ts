// "Vergeleken met": the firm's report beside the latest snapshot of every network it is in now. Read from
// stored snapshots only (never worked out per view), and shown only where each figure rests on k firms
// besides this one (domain compareWithNetwork). Networks the firm left no longer appear.
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { ASPECT_IDS } from '../../../domain/knowledge/entry';
import type { SnapshotShownSets } from '../../../domain/network/benchmark';
import { compareWithNetwork, type NetworkComparison } from '../../../domain/network/compared';
import { networkReportSchema } from '../../../domain/network/published';
import type { Report } from '../../../domain/report';
import type { Database } from '../../db/client';
import { firm, network, networkMember, networkSnapshot } from '../../db/schema';

export async function networkComparisons(db: Database, firmId: string, report: Report, k: number): Promise<NetworkComparison[]> {
	if (!report.employeeFigures) return [];
	const [own] = await db.select({ sector: firm.sector, employees: firm.employees }).from(firm).where(eq(firm.id, firmId)).limit(1);
	if (!own) return [];
	const networks = await db
		.select({ id: network.id, name: network.name })
		.from(networkMember)
		.innerJoin(network, eq(network.id, networkMember.networkId))
		.where(and(eq(networkMember.firmId, firmId), isNull(networkMember.leftAt)))
		.orderBy(asc(network.name));
	const means = Object.fromEntries(ASPECT_IDS.map((id) => [id, report.aspects.find((a) => a.id === id)?.employee.mean ?? null]));
	const result: NetworkComparison[] = [];
	for (const n of networks) {
		const [latest] = await db
			.select()
			.from(networkSnapshot)
			.where(eq(networkSnapshot.networkId, n.id))
			.orderBy(desc(networkSnapshot.publishedAt), desc(networkSnapshot.id))
			.limit(1);
		if (!latest) continue;
		const parsed = networkReportSchema.safeParse(latest.figures);
		if (!parsed.success) continue;
		const compared = compareWithNetwork(
			{ name: n.name, publishedOn: latest.publishedAt.toISOString().slice(0, 10), report: parsed.data, shown: latest.shownSets as SnapshotShownSets },
			{ counted: latest.firms.some((f) => f.firmId === firmId), sector: own.sector, employees: own.employees, means },
			k
		);
		if (compared) result.push(compared);
	}
	return result;
}
