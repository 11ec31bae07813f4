// Taking an offer off the menukaart (or back on): owners stop seeing it, the coordinator still has it.
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { menukaartOffer } from '../db/schema';

export async function setOfferArchived(db: Database, input: { id: string; archived: boolean; userId: string }): Promise<boolean> {
	const rows = await db
		.update(menukaartOffer)
		.set({ archivedAt: input.archived ? new Date() : null, updatedBy: input.userId, updatedAt: new Date() })
		.where(eq(menukaartOffer.id, input.id))
		.returning({ id: menukaartOffer.id });
	return rows.length > 0;
}
