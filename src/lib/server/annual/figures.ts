// Where the annual report and the progress talks get the network's published figures. The benchmark
// snapshots and the pilots' evaluations are built in other parts of the application; until they are joined
// up, these say "no figures yet" (null, or no pilots), and every page and the PDF say so in plain words.
import type { NetworkReport, PilotEvaluation } from '../../domain/network/published';
import type { Database } from '../db/client';

/** The network's latest published benchmark snapshot, or null when none is published. */
export async function latestBenchmark(db: Database, networkId: string): Promise<NetworkReport | null> {
	void db;
	void networkId;
	return null; // wired at merge
}

/** The latest published evaluation of one of the network's pilots, or null when there is none. */
export async function pilotEvaluation(db: Database, networkId: string, pilotSlug: string): Promise<PilotEvaluation | null> {
	void db;
	void networkId;
	void pilotSlug;
	return null; // wired at merge
}

/** The network's pilots (slug and name), for the annual report's chapter on pilots. */
export async function networkPilots(db: Database, networkId: string): Promise<{ slug: string; name: string }[]> {
	void db;
	void networkId;
	return []; // wired at merge
}
