// The owner's switch that lets one learning ambassador see the firm's reports. Off by default (a colleague
// leads the conversation, the figures stay with the owner); every change is logged with who made it and
// when, so the firm can show later what it agreed to. Only a live ambassador grant of this firm has one.
import { and, asc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db/client';
import { adviserGrant, ambassadorReportConsent, user } from '../db/schema';

export const ambassadorReportSchema = z.object({
	grantId: z.uuid(),
	shared: z.enum(['on', 'off']).transform((v) => v === 'on')
});

/** False when the grant is not a live ambassador grant of this firm (the caller answers 404). */
export async function setAmbassadorReport(
	db: Database,
	input: { firmId: string; changedBy: string; form: { grantId: unknown; shared: unknown } }
): Promise<boolean> {
	const parsed = ambassadorReportSchema.safeParse(input.form);
	if (!parsed.success) return false;
	const { grantId, shared } = parsed.data;
	return db.transaction(async (tx) => {
		const rows = await tx
			.update(adviserGrant)
			.set({ reportShared: shared })
			.where(and(eq(adviserGrant.id, grantId), eq(adviserGrant.firmId, input.firmId), eq(adviserGrant.kind, 'ambassador'), isNull(adviserGrant.revokedAt)))
			.returning({ id: adviserGrant.id });
		if (rows.length === 0) return false;
		await tx.insert(ambassadorReportConsent).values({ firmId: input.firmId, grantId, shared, changedBy: input.changedBy });
		return true;
	});
}

/** The log of the switch for the whole firm, oldest first: for the team page and the firm's archive. */
export async function ambassadorReportLog(db: Database, firmId: string) {
	const ambassador = db.$with('ambassador').as(db.select({ grantId: adviserGrant.id, name: user.name }).from(adviserGrant).innerJoin(user, eq(user.id, adviserGrant.adviserId)));
	return db
		.with(ambassador)
		.select({ grantId: ambassadorReportConsent.grantId, ambassador: ambassador.name, shared: ambassadorReportConsent.shared, changedBy: user.name, changedAt: ambassadorReportConsent.changedAt })
		.from(ambassadorReportConsent)
		.innerJoin(ambassador, eq(ambassador.grantId, ambassadorReportConsent.grantId))
		.leftJoin(user, eq(user.id, ambassadorReportConsent.changedBy))
		.where(eq(ambassadorReportConsent.firmId, firmId))
		.orderBy(asc(ambassadorReportConsent.changedAt));
}
