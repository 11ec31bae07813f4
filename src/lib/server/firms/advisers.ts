// A firm's consent to an adviser, and the co-managers it adds: granted, listed and withdrawn here.
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../db/client';
import { adviserGrant, firmMember, user } from '../db/schema';

export type AdviserKind = (typeof adviserGrant.$inferInsert)['kind'];
export const ADVISER_KINDS: readonly AdviserKind[] = ['adviser', 'coach', 'ambassador', 'retired'];

export async function grantAdviser(db: Database, firmId: string, adviserId: string, kind: AdviserKind, grantedBy: string, viaDirectory = false) {
	const [existing] = await db
		.select({ id: adviserGrant.id })
		.from(adviserGrant)
		.where(and(eq(adviserGrant.firmId, firmId), eq(adviserGrant.adviserId, adviserId), isNull(adviserGrant.revokedAt)))
		.limit(1);
	if (existing) return existing.id;
	const [row] = await db.insert(adviserGrant).values({ firmId, adviserId, kind, grantedBy, viaDirectory }).returning({ id: adviserGrant.id });
	return row!.id;
}

/** Ends access at once; the row stays as a record of when consent was given and withdrawn. */
export async function withdrawAdviser(db: Database, firmId: string, grantId: string): Promise<boolean> {
	const rows = await db
		.update(adviserGrant)
		.set({ revokedAt: new Date() })
		.where(and(eq(adviserGrant.id, grantId), eq(adviserGrant.firmId, firmId), isNull(adviserGrant.revokedAt)))
		.returning({ id: adviserGrant.id });
	return rows.length > 0;
}

/** Live grants; `email` is null for someone invited from the directory, whose address the firm never learns. */
export async function listAdvisers(db: Database, firmId: string) {
	const rows = await db
		.select({ id: adviserGrant.id, kind: adviserGrant.kind, grantedAt: adviserGrant.grantedAt, reportShared: adviserGrant.reportShared, viaDirectory: adviserGrant.viaDirectory, name: user.name, email: user.email })
		.from(adviserGrant)
		.innerJoin(user, eq(user.id, adviserGrant.adviserId))
		.where(and(eq(adviserGrant.firmId, firmId), isNull(adviserGrant.revokedAt)))
		.orderBy(adviserGrant.grantedAt);
	return rows.map(({ viaDirectory, email, ...row }) => ({ ...row, email: viaDirectory ? null : email }));
}

export async function listMembers(db: Database, firmId: string) {
	return db
		.select({ userId: firmMember.userId, role: firmMember.role, name: user.name, email: user.email })
		.from(firmMember)
		.innerJoin(user, eq(user.id, firmMember.userId))
		.where(eq(firmMember.firmId, firmId))
		.orderBy(firmMember.createdAt);
}

export async function addManager(db: Database, firmId: string, userId: string) {
	await db.insert(firmMember).values({ firmId, userId, role: 'manager' }).onConflictDoNothing();
}

/** Removes a co-manager; the owner cannot be removed this way, so a firm never loses its owner. */
export async function removeManager(db: Database, firmId: string, userId: string): Promise<boolean> {
	const rows = await db
		.delete(firmMember)
		.where(and(eq(firmMember.firmId, firmId), eq(firmMember.userId, userId), eq(firmMember.role, 'manager')))
		.returning({ userId: firmMember.userId });
	return rows.length > 0;
}

export async function findUserByEmail(db: Database, email: string) {
	const [found] = await db.select({ id: user.id, name: user.name, email: user.email }).from(user).where(eq(user.email, email.trim().toLowerCase())).limit(1);
	return found ?? null;
}
