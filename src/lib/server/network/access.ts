// Who may see a network. Only its coordinators (and platform admins) see its figures; a network a person
// may not see answers 404 like one that does not exist. Seeing a network never opens any firm on its own:
// a coordinator who is also a firm's consented adviser sees that firm through firmAccess, as its adviser.
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { network, networkCoordinator } from '../db/schema';

import { findNetwork, type NetworkRecord } from './find-network';

export interface NetworkAccess {
	network: NetworkRecord;
	role: 'coordinator' | 'admin';
}

export async function networkAccess(
	db: Database,
	user: { id: string; role?: string | null },
	slug: string
): Promise<NetworkAccess | null> {
	const found = await findNetwork(db, slug);
	if (!found) return null;
	const [coordinates] = await db
		.select({ userId: networkCoordinator.userId })
		.from(networkCoordinator)
		.where(and(eq(networkCoordinator.networkId, found.id), eq(networkCoordinator.userId, user.id)))
		.limit(1);
	if (coordinates) return { network: found, role: 'coordinator' };
	return user.role === 'admin' ? { network: found, role: 'admin' } : null;
}

/** The networks a person coordinates, for their navigation. */
export async function networksOfCoordinator(db: Database, userId: string): Promise<Pick<NetworkRecord, 'slug' | 'name'>[]> {
	return db
		.select({ slug: network.slug, name: network.name })
		.from(networkCoordinator)
		.innerJoin(network, eq(network.id, networkCoordinator.networkId))
		.where(eq(networkCoordinator.userId, userId))
		.orderBy(network.name);
}
