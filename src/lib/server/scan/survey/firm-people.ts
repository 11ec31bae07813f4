// Whether a signed-in account runs or advises the firm behind a survey link. Such a person knows their own
// answers, so whatever they post as an "employee" could be subtracted from the report again: they fill in
// the owner's own version instead. Colleagues with an account of their own who hold no such role answer as
// employees, like everybody else. So does a learning ambassador, a colleague, as long as the owner has not let
// them see the report: from then on they, too, could subtract what they add.
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { adviserGrant, firm, firmMember } from '../../db/schema';
import type { FirmRole } from '../../firms/access';

export async function firmRoleOfUser(db: Database, userId: string, firmId: string): Promise<{ role: FirmRole; slug: string } | null> {
	const [member] = await db
		.select({ role: firmMember.role, slug: firm.slug })
		.from(firmMember)
		.innerJoin(firm, eq(firm.id, firmMember.firmId))
		.where(and(eq(firmMember.firmId, firmId), eq(firmMember.userId, userId)))
		.limit(1);
	if (member) return member;
	const [grant] = await db
		.select({ slug: firm.slug, kind: adviserGrant.kind, reportShared: adviserGrant.reportShared })
		.from(adviserGrant)
		.innerJoin(firm, eq(firm.id, adviserGrant.firmId))
		.where(and(eq(adviserGrant.firmId, firmId), eq(adviserGrant.adviserId, userId), isNull(adviserGrant.revokedAt)))
		.limit(1);
	if (!grant) return null;
	if (grant.kind !== 'ambassador') return { role: 'adviser', slug: grant.slug };
	return grant.reportShared ? { role: 'ambassador', slug: grant.slug } : null;
}

/** Where a firm's own person is sent instead: the owner's version, for an adviser the round page, for an ambassador the firm page. */
export function ownVersionPath(found: { role: FirmRole; slug: string }, roundId: string): string {
	if (found.role === 'ambassador') return `/firms/${found.slug}`;
	const round = `/firms/${found.slug}/rounds/${roundId}`;
	return found.role === 'adviser' ? `${round}?from=survey` : `${round}/owner-scan?from=survey`;
}
