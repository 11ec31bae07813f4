// An admin sets up networks: creates one, names its coordinators, and records a firm's consent given on
// paper (`network add`). The CLI and the admin page call these; each answers a reason the caller words.
import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { firm, network, networkCoordinator, user } from '../db/schema';
import { createNetworkSchema, type CreateNetworkInput } from './create-network.schema';
import { findNetwork } from './find-network';
import { joinNetwork } from './membership';

export type CreateNetworkResult =
	| { ok: true; network: typeof network.$inferSelect }
	| { ok: false; reason: 'invalid'; fields: string[] }
	| { ok: false; reason: 'slug_taken' };

export async function createNetwork(db: Database, input: CreateNetworkInput): Promise<CreateNetworkResult> {
	const parsed = createNetworkSchema.safeParse(input);
	if (!parsed.success) return { ok: false, reason: 'invalid', fields: [...new Set(parsed.error.issues.map((i) => String(i.path[0])))] };
	if (await findNetwork(db, parsed.data.slug)) return { ok: false, reason: 'slug_taken' };
	const [row] = await db.insert(network).values(parsed.data).onConflictDoNothing().returning();
	if (!row) return { ok: false, reason: 'slug_taken' };
	return { ok: true, network: row };
}

export type NetworkChangeResult = { ok: true; name: string; changed: boolean } | { ok: false; reason: 'network_not_found' | 'user_not_found' | 'firm_not_found' };

/**
 * Names an existing account coordinator of the network (again: nothing changes). The account becomes a
 * coordinator of the platform too (an admin stays admin): that role is how the app knows a network
 * coordinator, for the navigation, the knowledge base, the menukaart and the stories.
 */
export async function addCoordinator(db: Database, input: { networkSlug: string; email: string }): Promise<NetworkChangeResult> {
	const found = await findNetwork(db, input.networkSlug);
	if (!found) return { ok: false, reason: 'network_not_found' };
	const [account] = await db.select({ id: user.id, name: user.name }).from(user).where(eq(user.email, input.email.trim().toLowerCase())).limit(1);
	if (!account) return { ok: false, reason: 'user_not_found' };
	const added = await db.transaction(async (tx) => {
		await tx.update(user).set({ role: 'coordinator' }).where(and(eq(user.id, account.id), eq(user.role, 'user')));
		return tx.insert(networkCoordinator).values({ networkId: found.id, userId: account.id }).onConflictDoNothing().returning();
	});
	return { ok: true, name: account.name, changed: added.length > 0 };
}

/**
 * Takes an account off the network's coordinators. An account that then coordinates no network any more and
 * was made coordinator for it goes back to an ordinary account; an admin stays admin.
 */
export async function removeCoordinator(db: Database, input: { networkSlug: string; email: string }): Promise<NetworkChangeResult> {
	const found = await findNetwork(db, input.networkSlug);
	if (!found) return { ok: false, reason: 'network_not_found' };
	const [account] = await db.select({ id: user.id, name: user.name }).from(user).where(eq(user.email, input.email.trim().toLowerCase())).limit(1);
	if (!account) return { ok: false, reason: 'user_not_found' };
	const removed = await db.transaction(async (tx) => {
		const rows = await tx
			.delete(networkCoordinator)
			.where(and(eq(networkCoordinator.networkId, found.id), eq(networkCoordinator.userId, account.id)))
			.returning({ userId: networkCoordinator.userId });
		const [other] = await tx.select({ id: networkCoordinator.networkId }).from(networkCoordinator).where(eq(networkCoordinator.userId, account.id)).limit(1);
		if (!other) await tx.update(user).set({ role: 'user' }).where(and(eq(user.id, account.id), eq(user.role, 'coordinator')));
		return rows;
	});
	return { ok: true, name: account.name, changed: removed.length > 0 };
}

export interface NetworkForAdmin {
	slug: string;
	name: string;
	kind: (typeof network.$inferSelect)['kind'];
	coordinators: { name: string; email: string }[];
}

/** Every network with its coordinators, for the admin page: no firms, no figures. */
export async function networksForAdmin(db: Database): Promise<NetworkForAdmin[]> {
	const networks = await db.select({ id: network.id, slug: network.slug, name: network.name, kind: network.kind }).from(network).orderBy(asc(network.name), asc(network.slug));
	const coordinators = await db
		.select({ networkId: networkCoordinator.networkId, name: user.name, email: user.email })
		.from(networkCoordinator)
		.innerJoin(user, eq(user.id, networkCoordinator.userId))
		.orderBy(asc(user.name), asc(user.email));
	return networks.map(({ id, ...n }) => ({ ...n, coordinators: coordinators.filter((c) => c.networkId === id).map(({ name, email }) => ({ name, email })) }));
}

/** Records a firm's consent given on paper: the admin's word stands for the owner's. */
export async function addFirmOnPaper(db: Database, input: { networkSlug: string; firmSlug: string; recordedBy: string }): Promise<NetworkChangeResult> {
	const found = await findNetwork(db, input.networkSlug);
	if (!found) return { ok: false, reason: 'network_not_found' };
	const [member] = await db.select({ id: firm.id, name: firm.name }).from(firm).where(eq(firm.slug, input.firmSlug)).limit(1);
	if (!member) return { ok: false, reason: 'firm_not_found' };
	const changed = await joinNetwork(db, { networkId: found.id, firmId: member.id, basis: 'paper', consentedBy: input.recordedBy });
	return { ok: true, name: member.name, changed };
}
