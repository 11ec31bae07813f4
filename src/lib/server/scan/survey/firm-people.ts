// Whether a signed-in account runs or advises the firm behind a survey link. Such a person knows their own
// answers, so whatever they post as an "employee" could be subtracted from the report again: they fill in
// the owner's own version instead. Colleagues with an account of their own who hold no such role answer as
// employees, like everybody else. So does a learning ambassador, a colleague, as long as the owner has not let
// them see the report: from then on they, too, could subtract what they add.
import type { Database } from '../../db/client';
import { roleInFirm, type FirmRole } from '../../firms/access';

/** The role (by the one rule of firms/access.ts) of someone whose post would not be an employee's answer. */
export async function firmRoleOfUser(db: Database, userId: string, firmId: string): Promise<FirmRole | null> {
	const access = await roleInFirm(db, userId, firmId);
	if (!access || (access.role === 'ambassador' && !access.seesReport)) return null;
	return access.role;
}

/**
 * Where a firm's own person is sent instead, told why (`from=survey`): the owner's version, for an adviser the
 * round page, for an ambassador (who has no round pages) the firm page.
 */
export function ownVersionPath(role: FirmRole, round: { id: string; firmSlug: string }): string {
	if (role === 'ambassador') return `/firms/${round.firmSlug}?from=survey`;
	const path = `/firms/${round.firmSlug}/rounds/${round.id}`;
	return role === 'adviser' ? `${path}?from=survey` : `${path}/owner-scan?from=survey`;
}
