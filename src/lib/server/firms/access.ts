// Who may do what with a firm. Every page, action and endpoint about a firm goes through firmAccess,
// so the rule lives in one place: members manage, advisers with a live grant view, nobody else sees it.
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../db/client';
import { adviserGrant, firm, firmMember } from '../db/schema';

export type FirmRole = 'owner' | 'manager' | 'adviser';
export type FirmRecord = typeof firm.$inferSelect;

export interface FirmAccess {
	firm: FirmRecord;
	role: FirmRole;
}

/** What each role may do; advisers read and help, only members change the firm. */
export const firmPermissions = {
	view: ['owner', 'manager', 'adviser'],
	/** The action plan and the follow-up session: worked on together with the adviser the firm invited. */
	plan: ['owner', 'manager', 'adviser'],
	manage: ['owner', 'manager'],
	own: ['owner']
} as const satisfies Record<string, readonly FirmRole[]>;

export type FirmPermission = keyof typeof firmPermissions;

export async function firmAccess(db: Database, userId: string, slug: string): Promise<FirmAccess | null> {
	const [found] = await db.select().from(firm).where(eq(firm.slug, slug)).limit(1);
	if (!found) return null;
	const role = await roleInFirm(db, userId, found.id);
	return role ? { firm: found, role } : null;
}

/** The person's role in the firm: a member's role, 'adviser' with a live grant, else null. */
export async function roleInFirm(db: Database, userId: string, firmId: string): Promise<FirmRole | null> {
	const [member] = await db
		.select({ role: firmMember.role })
		.from(firmMember)
		.where(and(eq(firmMember.firmId, firmId), eq(firmMember.userId, userId)))
		.limit(1);
	if (member) return member.role;
	const [grant] = await db
		.select({ id: adviserGrant.id })
		.from(adviserGrant)
		.where(and(eq(adviserGrant.firmId, firmId), eq(adviserGrant.adviserId, userId), isNull(adviserGrant.revokedAt)))
		.limit(1);
	return grant ? 'adviser' : null;
}

export function allows(access: FirmAccess | null, permission: FirmPermission): access is FirmAccess {
	return access !== null && (firmPermissions[permission] as readonly FirmRole[]).includes(access.role);
}

export interface MyFirm {
	slug: string;
	name: string;
	role: FirmRole;
}

export async function firmsOfUser(db: Database, userId: string): Promise<MyFirm[]> {
	const memberOf = await db
		.select({ slug: firm.slug, name: firm.name, role: firmMember.role })
		.from(firmMember)
		.innerJoin(firm, eq(firm.id, firmMember.firmId))
		.where(eq(firmMember.userId, userId));
	const advises = await db
		.selectDistinct({ slug: firm.slug, name: firm.name })
		.from(adviserGrant)
		.innerJoin(firm, eq(firm.id, adviserGrant.firmId))
		.where(and(eq(adviserGrant.adviserId, userId), isNull(adviserGrant.revokedAt)));
	const own = new Set(memberOf.map((f) => f.slug));
	const all: MyFirm[] = [
		...memberOf,
		...advises.filter((f) => !own.has(f.slug)).map((f) => ({ ...f, role: 'adviser' as const }))
	];
	return all.sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}
