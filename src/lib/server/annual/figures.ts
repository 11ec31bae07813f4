// Where the annual report and the progress talks get the network's published figures: only what is already
// published (the latest benchmark snapshot, each pilot's latest stored evaluation). Reading them never
// publishes anything new, so writing the annual report cannot move what a coordinator sees.
import { and, desc, eq } from 'drizzle-orm';
import type { AppLocale } from '../../domain/instrument';
import { pilotEvaluationSchema, type NetworkReport, type PilotEvaluation } from '../../domain/network/published';
import type { Database } from '../db/client';
import { pilot, pilotEvaluation as pilotEvaluationTable } from '../db/schema';
import { labelledReport, latestNetworkSnapshot } from '../network/snapshot';
import { pilotsOfNetwork } from '../pilot/create-pilot';

/** The network's latest published benchmark snapshot with its group labels in the reader's language, or null. */
export async function latestBenchmark(db: Database, networkId: string, locale: AppLocale = 'nl'): Promise<NetworkReport | null> {
	const snapshot = await latestNetworkSnapshot(db, networkId);
	return snapshot ? labelledReport(snapshot.report, locale) : null;
}

/** The latest published evaluation of one of the network's pilots, or null when there is none. */
export async function pilotEvaluation(db: Database, networkId: string, pilotSlug: string): Promise<PilotEvaluation | null> {
	const [row] = await db
		.select({ evaluation: pilotEvaluationTable.evaluation })
		.from(pilotEvaluationTable)
		.innerJoin(pilot, eq(pilot.id, pilotEvaluationTable.pilotId))
		.where(and(eq(pilot.networkId, networkId), eq(pilot.slug, pilotSlug)))
		.orderBy(desc(pilotEvaluationTable.version))
		.limit(1);
	return row ? pilotEvaluationSchema.parse(row.evaluation) : null;
}

/** The network's pilots (slug and name), for the annual report's chapter on pilots. */
export async function networkPilots(db: Database, networkId: string): Promise<{ slug: string; name: string }[]> {
	return (await pilotsOfNetwork(db, networkId)).map((p) => ({ slug: p.slug, name: p.name }));
}
