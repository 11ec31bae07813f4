// A pilot's evaluation as published snapshots. Asking for it (page or CLI) computes what it would be now and
// stores it as a new version only when the rules allow: the first one, or once at least k firms changed
// since every earlier evaluation in the network that showed figures, and then with disclosure control over
// all of them and the network's benchmark snapshots (domain/pilot/disclosure.ts), and only when it shows
// figures. Otherwise the latest stored version stands.
import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { pilotEvaluationSchema, type PilotEvaluation } from '../../domain/network/published';
import { discloseEvaluation, evaluationEntries, evaluationVerdict, showsAnything, type EarlierEvaluation, type EvaluationShownSets, type PublishVerdict } from '../../domain/pilot/disclosure';
import { evaluatePilot, type PilotFirmFigures } from '../../domain/pilot/evaluate';
import type { Database } from '../db/client';
import { network, pilot, pilotEvaluation } from '../db/schema';
import { evaluationShownSchema, seenSnapshotSets } from '../coordinator-view/seen-figures';
import { readPilot, type PilotReading } from './round-figures';

export interface StoredEvaluation {
	version: number;
	publishedOn: string;
	evaluation: PilotEvaluation;
}

export interface EvaluationState {
	latest: StoredEvaluation | null;
	verdict: PublishVerdict;
	/**
	 * Before any version is stored: the evaluation as it stands, which shows no figures, only how many firms
	 * each arm has with both rounds (what a version without figures used to show under a number of its own).
	 */
	counts: PilotEvaluation | null;
}

const entriesSchema = z.array(z.object({ firm: z.string(), unit: z.string() }));


/** The firms of the pilot that are still members, with the published figures of their before and after rounds. */
export async function pilotFigures(db: Database, target: { id: string; networkId: string }, today: string): Promise<(PilotFirmFigures & { firm: string })[]> {
	return figuresOfPilot(await readPilot(db, target, today));
}

async function figuresOfPilot(reading: PilotReading): Promise<(PilotFirmFigures & { firm: string })[]> {
	const result: (PilotFirmFigures & { firm: string })[] = [];
	for (const row of reading.firms.filter((r) => r.member)) {
		const before = await reading.figuresOf(row.firmId, row.before.id);
		const after = row.after ? await reading.figuresOf(row.firmId, row.after.id) : null;
		result.push({
			firm: row.firmId,
			unit: `${row.firmId}:${before?.version ?? '-'}:${after?.version ?? '-'}`,
			arm: row.arm,
			before: before?.aspects ?? null,
			after: after?.aspects ?? null,
			...(before && after ? { rounds: { before: before.unit, after: after.unit } } : {})
		});
	}
	return result;
}

export async function evaluatePilotNow(
	db: Database,
	target: { id: string; slug: string; networkId: string },
	options: { today: string; k: number; reading?: PilotReading }
): Promise<EvaluationState> {
	for (let attempt = 0; attempt < 3; attempt++) {
		const state = await tryPublish(db, target, options);
		if (state) return state;
	}
	throw new Error(`Could not publish an evaluation of pilot ${target.id}`);
}

async function tryPublish(
	db: Database,
	target: { id: string; slug: string; networkId: string },
	options: { today: string; k: number; reading?: PilotReading }
): Promise<EvaluationState | null> {
	// Outside the transaction: reading a round's figures may publish a version of its report.
	const firms = await figuresOfPilot(options.reading ?? (await readPilot(db, target, options.today)));
	return db.transaction(async (tx) => {
		// One publisher per network at a time, like snapshots (network/snapshot.ts): an evaluation and a snapshot
		// published at once would each miss the other in the disclosure test.
		await tx.select({ id: network.id }).from(network).where(eq(network.id, target.networkId)).for('update');
		const earlier = await networkEvaluations(tx, target.networkId);
		const own = earlier.filter((e) => e.pilotId === target.id);
		const previous = own[0] ?? null;
		const entries = evaluationEntries(firms);
		const verdict = evaluationVerdict({
			k: options.k,
			entries,
			previous: previous?.earlier ?? null,
			others: earlier.filter((e) => e !== previous).map((e) => e.earlier)
		});
		if (verdict !== 'first' && verdict !== 'changed') return { latest: previous?.stored ?? null, verdict, counts: null };
		const snapshots = await seenSnapshotSets(tx, target.networkId);
		const disclosed = discloseEvaluation({ k: options.k, firms, earlier: earlier.map((e) => e.earlier), snapshots });
		// A version without figures would only take a number ("versie 6" as the first with figures): the latest
		// with figures stands, and later ones are still compared with it.
		const evaluation = evaluatePilot({ pilot: target.slug, k: options.k, firms, hidden: disclosed.hidden });
		if (!showsAnything(disclosed.shown)) return { latest: previous?.stored ?? null, verdict: 'nothing-to-show' as const, counts: previous ? null : evaluation };
		const version = (previous?.stored.version ?? 0) + 1;
		const [row] = await tx
			.insert(pilotEvaluation)
			.values({ pilotId: target.id, version, publishedOn: options.today, evaluation, entries, shownSets: disclosed.shown satisfies EvaluationShownSets })
			.onConflictDoNothing()
			.returning();
		if (!row) return null;
		return { latest: { version, publishedOn: options.today, evaluation }, verdict, counts: null };
	});
}

interface NetworkEvaluation {
	pilotId: string;
	stored: StoredEvaluation;
	earlier: EarlierEvaluation;
}

/** Every stored evaluation of every pilot in the network, newest version of each pilot first. */
async function networkEvaluations(db: Database, networkId: string): Promise<NetworkEvaluation[]> {
	const rows = await db
		.select({ pilotId: pilotEvaluation.pilotId, version: pilotEvaluation.version, publishedOn: pilotEvaluation.publishedOn, evaluation: pilotEvaluation.evaluation, entries: pilotEvaluation.entries, shownSets: pilotEvaluation.shownSets })
		.from(pilotEvaluation)
		.innerJoin(pilot, eq(pilot.id, pilotEvaluation.pilotId))
		.where(eq(pilot.networkId, networkId))
		.orderBy(pilotEvaluation.pilotId, desc(pilotEvaluation.version));
	return rows.map((r) => ({
		pilotId: r.pilotId,
		stored: { version: r.version, publishedOn: r.publishedOn, evaluation: pilotEvaluationSchema.parse(r.evaluation) },
		earlier: { id: `${r.pilotId}#${r.version}`, entries: entriesSchema.parse(r.entries), shown: evaluationShownSchema.parse(r.shownSets) }
	}));
}
