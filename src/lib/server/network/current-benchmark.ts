// What a coordinator (page, PDF) and `network report` read: the latest snapshot after the cheap check that
// publishes a new one when due, and how many firms are in the network now.
import type { Database } from '../db/client';
import { currentMemberFirmIds } from './firm-figures';
import { publishNetworkSnapshot, type NetworkSnapshot } from './snapshot';

export async function currentBenchmark(
	db: Database,
	network: { id: string; slug: string },
	k: number
): Promise<{ snapshot: NetworkSnapshot | null; members: number }> {
	const snapshot = await publishNetworkSnapshot(db, { networkId: network.id, networkSlug: network.slug, k });
	const members = (await currentMemberFirmIds(db, network.id)).length;
	return { snapshot, members };
}
