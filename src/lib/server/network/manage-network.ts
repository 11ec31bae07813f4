// An admin sets up networks: creates one, names its coordinators, and records a firm's consent given on
// paper (`network add`). The CLI and the admin page call these; each answers a reason the caller words.
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { firm, network, networkCoordinator, user } from '../db/schema';
import { createNetworkSchema, type CreateNetworkInput } from './create-network.schema';
import { joinNetwork } from './membership';

export type CreateNetworkResult =
	| { ok: true; network: typeof network.$inferSelect }
	| { ok: false; reason: 'invalid'; fields: string[] }
	| { ok: false; reason: 'slug_taken' };

export async function createNetwork(db: Database, input: CreateNetworkInput): Promise<CreateNetworkResult> {
	const parsed = createNetworkSchema.safeParse(input);
	if (!parsed.success) return { ok: false, reason: 'invalid', fields: [...new Set(parsed.error.issues.map((i) => String(i.path[0])))] };
	const [existing] = await db.select({ id: network.id }).from(network).where(eq(network.slug, parsed.data.slug)).limit(1);
	if (existing) return { ok: false, reason: 'slug_taken' };
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
	const [found] = await db.select().from(network).where(eq(network.slug, input.networkSlug)).limit(1);
	if (!found) return { ok: false, reason: 'network_not_found' };
	const [account] = await db.select({ id: user.id, name: user.name }).from(user).where(eq(user.email, input.email.trim().toLowerCase())).limit(1);
	if (!account) return { ok: false, reason: 'user_not_found' };
	const added = await db.transaction(async (tx) => {
		await tx.update(user).set({ role: 'coordinator' }).where(and(eq(user.id, account.id), eq(user.role, 'user')));
		return tx.insert(networkCoordinator).values({ networkId: found.id, userId: account.id }).onConflictDoNothing().returning();
	});
	return { ok: true, name: account.name, changed: added.length > 0 };
}

/** Records a firm's consent given on paper: the admin's word stands for the owner's. */
export async function addFirmOnPaper(db: Database, input: { networkSlug: string; firmSlug: string; recordedBy: string }): Promise<NetworkChangeResult> {
	const [found] = await db.select().from(network).where(eq(network.slug, input.networkSlug)).limit(1);
	if (!found) return { ok: false, reason: 'network_not_found' };
	const [member] = await db.select({ id: firm.id, name: firm.name }).from(firm).where(eq(firm.slug, input.firmSlug)).limit(1);
	if (!member) return { ok: false, reason: 'firm_not_found' };
	const changed = await joinNetwork(db, { networkId: found.id, firmId: member.id, basis: 'paper', consentedBy: input.recordedBy });
	return { ok: true, name: member.name, changed };
}

export async function findNetwork(db: Database, slug: string) {
	const [found] = await db.select().from(network).where(eq(network.slug, slug)).limit(1);
	return found ?? null;
}
