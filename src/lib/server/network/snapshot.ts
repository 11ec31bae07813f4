// A network's published figures. `publishNetworkSnapshot` is the cheap check run when a coordinator opens the
// network or the CLI asks for its report: it writes a new snapshot only when at least k firms joined, left or
// got newer figures since the last, with every earlier snapshot in the disclosure test. Nothing else changes
// what a coordinator sees, so watching the page never shows one firm arriving.
import { asc, desc, eq } from 'drizzle-orm';
import { computeBenchmark, snapshotDue, type SnapshotShownSets } from '../../domain/network/benchmark';
import { networkReportSchema, type NetworkReport, type GroupingVariable } from '../../domain/network/published';
import type { Database } from '../db/client';
import { network, networkSnapshot } from '../db/schema';
import { provinceLabel, sectorLabel } from '../../firm-labels';
import * as m from '../../paraglide/messages.js';
import { seenEvaluationChanges } from '../coordinator-view/seen-figures';
import { networkFirmFigures } from './firm-figures';

export interface NetworkSnapshot {
	id: string;
	publishedAt: Date;
	report: NetworkReport;
	importedFirms: number;
	signalFirms: number;
}

type Row = typeof networkSnapshot.$inferSelect;

function toSnapshot(row: Row): NetworkSnapshot {
	return {
		id: row.id,
		publishedAt: row.publishedAt,
		report: networkReportSchema.parse(row.figures),
		importedFirms: row.importedFirms,
		signalFirms: row.signalFirms
	};
}

export async function latestNetworkSnapshot(db: Database, networkId: string): Promise<NetworkSnapshot | null> {
	const [row] = await db
		.select()
		.from(networkSnapshot)
		.where(eq(networkSnapshot.networkId, networkId))
		.orderBy(desc(networkSnapshot.publishedAt), desc(networkSnapshot.id))
		.limit(1);
	return row ? toSnapshot(row) : null;
}

/**
 * Publishes a new snapshot when one is due and gives the latest (null while fewer than k firms ever counted).
 * `k` is the instance threshold.
 */
export async function publishNetworkSnapshot(
	db: Database,
	input: { networkId: string; networkSlug: string; k: number; now?: Date }
): Promise<NetworkSnapshot | null> {
	return db.transaction(async (tx) => {
		// One publisher per network at a time: two requests that both found a snapshot due would each miss the
		// other's snapshot in the disclosure test, which is what keeps one firm from being singled out.
		await tx.select({ id: network.id }).from(network).where(eq(network.id, input.networkId)).for('update');
		const counted = await networkFirmFigures(tx, input.networkId);
		const current = counted.map((c) => ({ firmId: c.firmId, unit: c.benchmark.unit }));
		const earlierRows = await tx
			.select()
			.from(networkSnapshot)
			.where(eq(networkSnapshot.networkId, input.networkId))
			.orderBy(asc(networkSnapshot.publishedAt), asc(networkSnapshot.id));
		const last = earlierRows.at(-1) ?? null;
		if (!snapshotDue(last ? last.firms : null, current, input.k)) return last ? toSnapshot(last) : null;
		const { report, shown } = computeBenchmark({
			network: input.networkSlug,
			k: input.k,
			firms: counted.map((c) => c.benchmark),
			earlier: earlierRows.map((r) => r.shownSets as SnapshotShownSets),
			// The coordinator sees the pilots' evaluations too: they take part in the test.
			changes: await seenEvaluationChanges(tx, input.networkId)
		});
		const [row] = await tx
			.insert(networkSnapshot)
			.values({
				networkId: input.networkId,
				publishedAt: input.now ?? new Date(),
				firms: current,
				figures: report,
				shownSets: shown,
				importedFirms: counted.filter((c) => c.imported).length,
				signalFirms: counted.filter((c) => c.signals).length
			})
			.returning();
		return toSnapshot(row!);
	});
}

/** The labels of a snapshot's groups in the reader's language (stored as category ids). */
export function labelledReport(report: NetworkReport, locale: 'nl' | 'en'): NetworkReport {
	return {
		...report,
		groupings: report.groupings.map((g) => ({
			...g,
			groups: g.groups.map((group) => ({ ...group, label: categoryLabel(g.variable, group.category, locale) }))
		}))
	};
}

export function categoryLabel(variable: GroupingVariable, category: string, locale: 'nl' | 'en'): string {
	if (variable === 'sector') return sectorLabel(category, locale);
	if (variable === 'province') return provinceLabel(category, locale);
	return category === '250+' ? m.network_size_band_250({}, { locale }) : m.network_size_band({ band: category }, { locale });
}
