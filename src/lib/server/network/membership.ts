// Membership of a network by consent. A coordinator makes an invitation link; an owner who opens it while
// signed in lets one of their firms join (only owners: joining shares the firm's figures, if only in
// aggregates). Leaving sets left_at and keeps the row, so the rows are the consent log; the firm is not
// counted from the next snapshot on. An admin records consent given on paper through the CLI.
import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../db/client';
import { firm, firmMember, network, networkInvitation, networkMember } from '../db/schema';
import { findNetwork } from './find-network';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Makes a new invitation link for the network; the token is shown once, only its hash is kept. */
export async function createNetworkInvitation(db: Database, input: { networkId: string; createdBy: string }): Promise<{ token: string }> {
	const token = randomBytes(24).toString('base64url');
	await db.insert(networkInvitation).values({ networkId: input.networkId, tokenHash: hashToken(token), createdBy: input.createdBy });
	return { token };
}

/** Withdraws every open link of the network: links already shared stop working. */
export async function revokeNetworkInvitations(db: Database, networkId: string): Promise<void> {
	await db
		.update(networkInvitation)
		.set({ revokedAt: new Date() })
		.where(and(eq(networkInvitation.networkId, networkId), isNull(networkInvitation.revokedAt)));
}

export async function openNetworkInvitations(db: Database, networkId: string): Promise<number> {
	const rows = await db
		.select({ id: networkInvitation.id })
		.from(networkInvitation)
		.where(and(eq(networkInvitation.networkId, networkId), isNull(networkInvitation.revokedAt)));
	return rows.length;
}

export interface InvitationView {
	network: { id: string; slug: string; name: string; kind: string };
	/** The firms this account owns, each saying whether it is already in the network. */
	firms: { id: string; slug: string; name: string; member: boolean }[];
}

/** What an owner sees when opening an invitation link; null for a link that does not (or no longer) work. */
export async function networkInvitationView(db: Database, token: string, userId: string): Promise<InvitationView | null> {
	const [row] = await db
		.select({ id: network.id, slug: network.slug, name: network.name, kind: network.kind })
		.from(networkInvitation)
		.innerJoin(network, eq(network.id, networkInvitation.networkId))
		.where(and(eq(networkInvitation.tokenHash, hashToken(token)), isNull(networkInvitation.revokedAt)))
		.limit(1);
	if (!row) return null;
	const owned = await ownedFirms(db, userId);
	const members = new Set(await currentFirmsOf(db, row.id));
	return { network: row, firms: owned.map((f) => ({ ...f, member: members.has(f.id) })) };
}

async function ownedFirms(db: Database, userId: string) {
	return db
		.select({ id: firm.id, slug: firm.slug, name: firm.name })
		.from(firmMember)
		.innerJoin(firm, eq(firm.id, firmMember.firmId))
		.where(and(eq(firmMember.userId, userId), eq(firmMember.role, 'owner')))
		.orderBy(asc(firm.name));
}

async function currentFirmsOf(db: Database, networkId: string): Promise<string[]> {
	const rows = await db
		.select({ firmId: networkMember.firmId })
		.from(networkMember)
		.where(and(eq(networkMember.networkId, networkId), isNull(networkMember.leftAt)));
	return rows.map((r) => r.firmId);
}

export type JoinResult = { ok: true; networkSlug: string; firmSlug: string } | { ok: false; reason: 'invalid' | 'not-owner' };

/** An owner accepts an invitation for one of their firms. Accepting twice changes nothing. */
export async function acceptNetworkInvitation(db: Database, input: { token: string; userId: string; firmSlug: string }): Promise<JoinResult> {
	const view = await networkInvitationView(db, input.token, input.userId);
	if (!view) return { ok: false, reason: 'invalid' };
	const chosen = view.firms.find((f) => f.slug === input.firmSlug);
	if (!chosen) return { ok: false, reason: 'not-owner' };
	await joinNetwork(db, { networkId: view.network.id, firmId: chosen.id, basis: 'owner', consentedBy: input.userId });
	return { ok: true, networkSlug: view.network.slug, firmSlug: chosen.slug };
}

/** Writes a membership row unless the firm is in the network already; returns whether it joined now. */
export async function joinNetwork(
	db: Database,
	input: { networkId: string; firmId: string; basis: 'owner' | 'paper'; consentedBy: string }
): Promise<boolean> {
	return db.transaction(async (tx) => {
		const [current] = await tx
			.select({ id: networkMember.id })
			.from(networkMember)
			.where(and(eq(networkMember.networkId, input.networkId), eq(networkMember.firmId, input.firmId), isNull(networkMember.leftAt)))
			.limit(1);
		if (current) return false;
		await tx.insert(networkMember).values(input);
		return true;
	});
}

/** The firm leaves: its open membership row gets left_at; the row stays as the record of its consent. */
export async function leaveNetwork(db: Database, input: { networkSlug: string; firmId: string }): Promise<boolean> {
	const found = await findNetwork(db, input.networkSlug);
	if (!found) return false;
	const left = await db
		.update(networkMember)
		.set({ leftAt: new Date() })
		.where(and(eq(networkMember.networkId, found.id), eq(networkMember.firmId, input.firmId), isNull(networkMember.leftAt)))
		.returning({ id: networkMember.id });
	return left.length > 0;
}

/** The networks a firm is in now, for its settings page. */
export async function networksOfFirm(db: Database, firmId: string) {
	return db
		.select({ slug: network.slug, name: network.name, kind: network.kind, joinedAt: networkMember.joinedAt, basis: networkMember.basis })
		.from(networkMember)
		.innerJoin(network, eq(network.id, networkMember.networkId))
		.where(and(eq(networkMember.firmId, firmId), isNull(networkMember.leftAt)))
		.orderBy(asc(network.name));
}
