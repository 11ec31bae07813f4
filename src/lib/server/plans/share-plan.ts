// Sharing a plan: with the owner and co-managers of a firm (tied by the code the firm hands out), or with one
// colleague by e-mail address. The worker chooses the sections; stopping deletes the share, so the next page
// anyone else opens no longer has it. No answer tells whether an address has an account: a share by address
// is read by whichever account proves that address, now or later.
import { and, asc, eq } from 'drizzle-orm';
import type { PlanSection } from '../../domain/plans/plan';
import type { Database } from '../db/client';
import { developmentPlan, firm, firmPlanLink, planShare, user } from '../db/schema';
import { findMyPlan } from './my-plans';
import { colleagueEmailSchema, firmPlanCodeSchema, planIdSchema, sectionsSchema, shareWithColleagueInput, shareWithFirmInput, type ShareWithColleagueInput, type ShareWithFirmInput } from './plans.schema';

export type ShareResult = { ok: true } | { ok: false; reason: 'not_found' | 'unknown_code' | 'invalid_email' | 'own_address' | 'no_section' };

/** The firm behind a plan code, or null for a code nobody handed out. */
export async function firmByPlanCode(db: Database, code: string): Promise<{ id: string; name: string } | null> {
	const parsed = firmPlanCodeSchema.safeParse(code);
	if (!parsed.success) return null;
	const [row] = await db.select({ id: firm.id, name: firm.name }).from(firmPlanLink).innerJoin(firm, eq(firm.id, firmPlanLink.firmId)).where(eq(firmPlanLink.token, parsed.data)).limit(1);
	return row ?? null;
}

export async function shareWithFirm(db: Database, input: ShareWithFirmInput): Promise<ShareResult> {
	const i = shareWithFirmInput.parse(input);
	if (!(await findMyPlan(db, i.userId, i.planId))) return { ok: false, reason: 'not_found' };
	const target = await firmByPlanCode(db, i.code);
	if (!target) return { ok: false, reason: 'unknown_code' };
	await db
		.insert(planShare)
		.values({ planId: i.planId, sharedWithFirm: target.id, sections: i.sections, sharedOn: i.today })
		.onConflictDoUpdate({ target: [planShare.planId, planShare.sharedWithFirm], set: { sections: i.sections } });
	return { ok: true };
}

export async function shareWithColleague(db: Database, input: ShareWithColleagueInput): Promise<ShareResult> {
	const i = shareWithColleagueInput.parse(input);
	const email = colleagueEmailSchema.safeParse(i.email.trim().toLowerCase());
	if (!email.success) return { ok: false, reason: 'invalid_email' };
	if (i.sections.length === 0) return { ok: false, reason: 'no_section' };
	if (!(await findMyPlan(db, i.userId, i.planId))) return { ok: false, reason: 'not_found' };
	const [me] = await db.select({ email: user.email }).from(user).where(eq(user.id, i.userId)).limit(1);
	if (me && me.email.trim().toLowerCase() === email.data) return { ok: false, reason: 'own_address' };
	await db
		.insert(planShare)
		.values({ planId: i.planId, sharedWithEmail: email.data, sections: i.sections, sharedOn: i.today })
		.onConflictDoUpdate({ target: [planShare.planId, planShare.sharedWithEmail], set: { sections: i.sections } });
	return { ok: true };
}

export interface PlanShareView {
	id: string;
	firm: { name: string } | null;
	email: string | null;
	sections: PlanSection[];
	sharedOn: string;
}

/** The shares of one of the author's own plans. */
export async function sharesOfMyPlan(db: Database, userId: string, planId: string): Promise<PlanShareView[]> {
	if (!planIdSchema.safeParse(planId).success) return [];
	const rows = await db
		.select({ id: planShare.id, firmName: firm.name, email: planShare.sharedWithEmail, sections: planShare.sections, sharedOn: planShare.sharedOn })
		.from(planShare)
		.innerJoin(developmentPlan, eq(developmentPlan.id, planShare.planId))
		.leftJoin(firm, eq(firm.id, planShare.sharedWithFirm))
		.where(and(eq(planShare.planId, planId), eq(developmentPlan.userId, userId)))
		.orderBy(asc(planShare.sharedOn), asc(planShare.id));
	return rows.map((r) => ({ id: r.id, firm: r.firmName === null ? null : { name: r.firmName }, email: r.email, sections: r.sections, sharedOn: r.sharedOn }));
}

/** The author's share, or null when it is not theirs (or gone). */
async function myShare(db: Database, userId: string, shareId: string) {
	if (!planIdSchema.safeParse(shareId).success) return null;
	const [row] = await db
		.select({ id: planShare.id, email: planShare.sharedWithEmail })
		.from(planShare)
		.innerJoin(developmentPlan, eq(developmentPlan.id, planShare.planId))
		.where(and(eq(planShare.id, shareId), eq(developmentPlan.userId, userId)))
		.limit(1);
	return row ?? null;
}

/** Changes which sections a share shows. A colleague's share needs one; a firm's may have none (then it only counts). */
export async function changeShare(db: Database, userId: string, shareId: string, sections: PlanSection[]): Promise<ShareResult> {
	const s = sectionsSchema.parse(sections);
	const share = await myShare(db, userId, shareId);
	if (!share) return { ok: false, reason: 'not_found' };
	if (share.email !== null && s.length === 0) return { ok: false, reason: 'no_section' };
	await db.update(planShare).set({ sections: s }).where(eq(planShare.id, share.id));
	return { ok: true };
}

/** Stops sharing at once: the share row goes. */
export async function stopSharing(db: Database, userId: string, shareId: string): Promise<boolean> {
	const share = await myShare(db, userId, shareId);
	if (!share) return false;
	await db.delete(planShare).where(eq(planShare.id, share.id));
	return true;
}
