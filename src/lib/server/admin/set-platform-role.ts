import { and, eq, ne } from 'drizzle-orm';
import type { Database } from '../db/client';
import { user, type PlatformRole } from '../db/schema';

export type SetRoleResult = { ok: true; name: string } | { ok: false; reason: 'not-found' | 'self' };

/** An admin cannot change their own role here, so the platform never loses its last admin by a slip. */
export async function setPlatformRole(db: Database, actingAdminId: string, userId: string, role: PlatformRole): Promise<SetRoleResult> {
	if (userId === actingAdminId) return { ok: false, reason: 'self' };
	const rows = await db
		.update(user)
		.set({ role, updatedAt: new Date() })
		.where(and(eq(user.id, userId), ne(user.id, actingAdminId)))
		.returning({ name: user.name });
	return rows[0] ? { ok: true, name: rows[0].name } : { ok: false, reason: 'not-found' };
}
