// Who may do what with a firm. Every page, action and endpoint about a firm goes through firmAccess,
// so the rule lives in one place: members manage, advisers with a live grant view, nobody else sees it.
// A learning ambassador (a colleague, not a manager) holds a grant too, but only joins the action plan and
// the follow-up session; the report only while the owner has switched that on for them.
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../db/client';
import { adviserGrant, firm, firmMember } from '../db/schema';

export type FirmRole = 'owner' | 'manager' | 'adviser' | 'ambassador';
export type FirmRecord = typeof firm.$inferSelect;

export interface FirmAccess {
	firm: FirmRecord;
	role: FirmRole;
	/** Whether this person may see the firm's reports: always for members and advisers, for an ambassador only by the owner's switch. */
	seesReport: boolean;
}

/** What each role may do; advisers read and help, only members change the firm. */
export const firmPermissions = {
	/** The firm's own page: its name and what the person may open from there. */
	view: ['owner', 'manager', 'adviser', 'ambassador'],
	/** A round's report (web, PDF, JSON); an ambassador too while `seesReport` (see allows). */
	report: ['owner', 'manager', 'adviser'],
	/** The rounds themselves: round pages, starting (supervised) rounds, posters, cards, exports, the SLIM draft. */
	rounds: ['owner', 'manager', 'adviser'],
	/** The action plan and the follow-up session: worked on together with the adviser or ambassador the firm invited. */
	plan: ['owner', 'manager', 'adviser', 'ambassador'],
	manage: ['owner', 'manager'],
	own: ['owner']
} as const satisfies Record<string, readonly FirmRole[]>;

export type FirmPermission = keyof typeof firmPermissions;

export async function firmAccess(db: Database, userId: string, slug: string): Promise<FirmAccess | null> {
	const [found] = await db.select().from(firm).where(eq(firm.slug, slug)).limit(1);
	if (!found) return null;
	const role = await roleInFirm(db, userId, found.id);
	return role ? { firm: found, ...role } : null;
}

/**
 * The person's role in the firm: a member's role; with a live grant 'ambassador' for a learning ambassador
 * and 'adviser' for the other kinds (adviser, coach, retired entrepreneur); else null.
 */
export async function roleInFirm(db: Database, userId: string, firmId: string): Promise<{ role: FirmRole; seesReport: boolean } | null> {
	const [member] = await db
		.select({ role: firmMember.role })
		.from(firmMember)
		.where(and(eq(firmMember.firmId, firmId), eq(firmMember.userId, userId)))
		.limit(1);
	if (member) return { role: member.role, seesReport: true };
	const [grant] = await db
		.select({ kind: adviserGrant.kind, reportShared: adviserGrant.reportShared })
		.from(adviserGrant)
		.where(and(eq(adviserGrant.firmId, firmId), eq(adviserGrant.adviserId, userId), isNull(adviserGrant.revokedAt)))
		.limit(1);
	if (!grant) return null;
	return grant.kind === 'ambassador' ? { role: 'ambassador', seesReport: grant.reportShared } : { role: 'adviser', seesReport: true };
}

export function allows(access: FirmAccess | null, permission: FirmPermission): access is FirmAccess {
	if (access === null) return false;
	if (permission === 'report' && access.role === 'ambassador') return access.seesReport;
	return (firmPermissions[permission] as readonly FirmRole[]).includes(access.role);
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
		.selectDistinct({ slug: firm.slug, name: firm.name, kind: adviserGrant.kind })
		.from(adviserGrant)
		.innerJoin(firm, eq(firm.id, adviserGrant.firmId))
		.where(and(eq(adviserGrant.adviserId, userId), isNull(adviserGrant.revokedAt)));
	const own = new Set(memberOf.map((f) => f.slug));
	const all: MyFirm[] = [
		...memberOf,
		...advises
			.filter((f) => !own.has(f.slug))
			.map((f): MyFirm => ({ slug: f.slug, name: f.name, role: f.kind === 'ambassador' ? 'ambassador' : 'adviser' }))
	];
	return all.sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}
