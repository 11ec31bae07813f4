// Everything a network's coordinators have been shown, as the sets the disclosure test needs: every benchmark
// snapshot and every stored pilot evaluation (domain/network/coordinator-view.ts). Both publishers read it, so
// it lives apart from server/network and server/pilot.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { ASPECT_IDS } from '../../domain/knowledge/entry';
import type { SeenChanges, SnapshotShownSets } from '../../domain/network/benchmark';
import { changesOf } from '../../domain/pilot/disclosure';
import type { Database } from '../db/client';
import { networkSnapshot, pilot, pilotEvaluation } from '../db/schema';

const setSchema = z.object({ id: z.string(), members: z.array(z.string()) });
const pairSchema = z.object({ before: z.string(), after: z.string() });
const snapshotSetsSchema = z.partialRecord(z.enum(ASPECT_IDS), z.array(setSchema));
/** A stored evaluation's shown sets: per aspect its arms, with the firms' round pairs where known. */
export const evaluationShownSchema = z.partialRecord(z.enum(ASPECT_IDS), z.array(setSchema.extend({ pairs: z.array(pairSchema).optional() })));

/** Every benchmark snapshot of the network, as the sets it showed. */
export async function seenSnapshotSets(db: Database, networkId: string): Promise<SnapshotShownSets[]> {
	const rows = await db.select({ shownSets: networkSnapshot.shownSets }).from(networkSnapshot).where(eq(networkSnapshot.networkId, networkId));
	return rows.map((r) => snapshotSetsSchema.parse(r.shownSets));
}

/** What every stored evaluation in the network showed, as the changes a new benchmark snapshot is tested against. */
export async function seenEvaluationChanges(db: Database, networkId: string): Promise<SeenChanges[]> {
	const rows = await db
		.select({ pilotId: pilotEvaluation.pilotId, version: pilotEvaluation.version, shownSets: pilotEvaluation.shownSets })
		.from(pilotEvaluation)
		.innerJoin(pilot, eq(pilot.id, pilotEvaluation.pilotId))
		.where(eq(pilot.networkId, networkId));
	// The same ids as pilot/evaluation.ts gives earlier evaluations, so a set is never counted twice under two names.
	return rows.map((r) => changesOf(evaluationShownSchema.parse(r.shownSets), `${r.pilotId}#${r.version}`));
}
