// "Vergeleken met N vergelijkbare bedrijven": a firm's own aspect means beside the latest snapshot of a
// network it is in. Shown only where the network has k firms besides this firm, and a sector or size group
// only where that group has k firms besides this firm (DESIGN.md, "Networks (exact)"), so what the firm
// learns about the others is always a figure over at least k of them. Pure: the snapshot is handed in.
import { z } from 'zod';
import { ASPECT_IDS } from '../knowledge/entry';
import { groupSetId, sizeBand, type AspectId, type SnapshotShownSets } from './benchmark';
import type { NetworkReport } from './published';

export const POSITIONS = ['below', 'lower-middle', 'upper-middle', 'above'] as const;
export type Position = (typeof POSITIONS)[number];

export const networkComparisonSchema = z.strictObject({
	network: z.string().describe('name of the network'),
	publishedOn: z.string().describe('day the network\u2019s figures (its latest snapshot) were published'),
	firms: z.number().int().nonnegative().describe('firms in the network\u2019s figures besides this firm (at least k)'),
	aspects: z.array(
		z.strictObject({
			id: z.string(),
			firm: z.number().nullable().describe('this firm\u2019s mean aspect score in this report'),
			mean: z.number().nullable().describe('mean of the firm means in the network; null where the network shows none or has fewer than k firms besides this one'),
			p25: z.number().nullable(),
			p50: z.number().nullable(),
			p75: z.number().nullable(),
			position: z
				.enum(POSITIONS)
				.nullable()
				.describe('where this firm\u2019s mean lies among the firm means: below P25, from P25 to P50, above P50 to P75, above P75; null without quartiles (under 2k firms) or without a firm mean')
		})
	),
	groups: z
		.array(
			z.strictObject({
				variable: z.enum(['sector', 'size']),
				category: z.string(),
				firms: z.number().int().nonnegative().describe('firms of the same sector or size band besides this firm (at least k)'),
				aspects: z.record(z.string(), z.number().nullable()).describe('mean of the firm means of that group per aspect')
			})
		)
		.describe('the same sector and size band, where that group is shown and has k firms besides this firm')
});
export type NetworkComparison = z.infer<typeof networkComparisonSchema>;

export function positionOf(value: number | null, p25: number | null, p50: number | null, p75: number | null): Position | null {
	if (value === null || p25 === null || p50 === null || p75 === null) return null;
	if (value < p25) return 'below';
	if (value <= p50) return 'lower-middle';
	if (value <= p75) return 'upper-middle';
	return 'above';
}

export interface ComparedFirm {
	/** Whether the snapshot counted this firm (its figures are then part of the network's). */
	counted: boolean;
	sector: string;
	employees: number;
	means: Partial<Record<AspectId, number | null>>;
}

/** The comparison for one network, or null when the network has fewer than k firms besides this one. */
export function compareWithNetwork(
	snapshot: { name: string; publishedOn: string; report: NetworkReport; shown: SnapshotShownSets },
	firm: ComparedFirm,
	kGiven: number
): NetworkComparison | null {
	// How many firms with a value stand behind a shown figure (its set in the snapshot): a figure counts only
	// with k of them besides this firm.
	const behind = (aspect: AspectId, setId: string) => snapshot.shown[aspect]?.find((s) => s.id === setId)?.members.length ?? 0;
	const report = snapshot.report;
	const k = Math.max(kGiven, report.threshold);
	const self = firm.counted ? 1 : 0;
	const besides = report.firms - self;
	if (besides < k) return null;
	const aspects = ASPECT_IDS.map((id) => {
		const a = report.aspects.find((x) => x.id === id);
		const own = firm.means[id] ?? null;
		const enough = a !== undefined && a.mean !== null && behind(id, 'total') - self >= k;
		return {
			id,
			firm: own,
			mean: enough ? a.mean : null,
			p25: enough ? a.p25 : null,
			p50: enough ? a.p50 : null,
			p75: enough ? a.p75 : null,
			position: enough ? positionOf(own, a.p25, a.p50, a.p75) : null
		};
	});
	const groups: NetworkComparison['groups'] = [];
	const own = { sector: firm.sector, size: sizeBand(firm.employees) };
	for (const variable of ['sector', 'size'] as const) {
		const grouping = report.groupings.find((g) => g.variable === variable);
		const group = grouping?.groups.find((g) => g.category === own[variable]);
		if (!group || group.suppressed || group.firms === null || group.aspects === null) continue;
		if (group.firms - self < k) continue;
		const setId = groupSetId(variable, group.category);
		const aspects = Object.fromEntries(ASPECT_IDS.map((id) => [id, behind(id, setId) - self >= k ? (group.aspects?.[id] ?? null) : null]));
		groups.push({ variable, category: group.category, firms: group.firms - self, aspects });
	}
	return { network: snapshot.name, publishedOn: snapshot.publishedOn, firms: besides, aspects, groups };
}
