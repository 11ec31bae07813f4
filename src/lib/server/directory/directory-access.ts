// Who may look in the directory of retired entrepreneurs: people who run a firm (owner or co-manager), since
// only they can invite someone to it. A listing is personal data of a private person, so it is not shown to
// anonymous visitors, search engines, advisers or employees. Its author always sees their own listing.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/client';
import { firm, firmMember } from '../db/schema';

/** The firms this account may invite to from the directory (those it manages), by name. */
export async function firmsToInviteTo(db: Database, userId: string): Promise<{ id: string; slug: string; name: string }[]> {
	return db
		.select({ id: firm.id, slug: firm.slug, name: firm.name })
		.from(firmMember)
		.innerJoin(firm, eq(firm.id, firmMember.firmId))
		.where(and(eq(firmMember.userId, userId), inArray(firmMember.role, ['owner', 'manager'])))
		.orderBy(asc(firm.name));
}
