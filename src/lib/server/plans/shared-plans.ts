// What others read of a plan: a firm's owner and co-managers, or a colleague, see only the sections shared with
// them (the rest never leaves the database), and a firm sees how many plans are tied to it in bands of k only.
import { randomBytes } from 'node:crypto';
import { and, asc, countDistinct, eq, sql } from 'drizzle-orm';
import { sharedPart, type SharedPlan } from '../../domain/plans/plan';
import { usageBand, type UsageBand } from '../../domain/self-scan/usage-band';
import type { Database } from '../db/client';
import { developmentPlan, firmPlanLink, planShare, user } from '../db/schema';
import { planIdSchema } from './plans.schema';

export interface SharedPlanView {
	shareId: string;
	author: { name: string; email: string };
	sharedOn: string;
	plan: SharedPlan;
}

/** The firm's plan code (made the first time it is asked for). */
export async function firmPlanCode(db: Database, firmId: string): Promise<string> {
	await db.insert(firmPlanLink).values({ firmId, token: randomBytes(12).toString('base64url') }).onConflictDoNothing({ target: firmPlanLink.firmId });
	const [row] = await db.select({ token: firmPlanLink.token }).from(firmPlanLink).where(eq(firmPlanLink.firmId, firmId));
	if (!row) throw new Error('the plan code was not stored');
	return row.token;
}

type Row = { shareId: string; name: string; email: string; sharedOn: string; sections: SharedPlan['sections']; title: string; situation: string; goals: (typeof developmentPlan.$inferSelect)['goals'] };

const columns = {
	shareId: planShare.id,
	name: user.name,
	email: user.email,
	sharedOn: planShare.sharedOn,
	sections: planShare.sections,
	title: developmentPlan.title,
	situation: developmentPlan.situation,
	goals: developmentPlan.goals
};

function viewOf(r: Row): SharedPlanView {
	return { shareId: r.shareId, author: { name: r.name, email: r.email }, sharedOn: r.sharedOn, plan: sharedPart({ title: r.title, situation: r.situation, goals: r.goals }, r.sections) };
}

/** For the firm's owner and co-managers: the plans shared with the firm (with at least one section) and the tied plans in bands of k. */
export async function firmPlans(db: Database, firmId: string, k: number): Promise<{ tied: UsageBand; shared: SharedPlanView[] }> {
	const [counted] = await db.select({ n: countDistinct(planShare.planId) }).from(planShare).where(eq(planShare.sharedWithFirm, firmId));
	const rows = await db
		.select(columns)
		.from(planShare)
		.innerJoin(developmentPlan, eq(developmentPlan.id, planShare.planId))
		.innerJoin(user, eq(user.id, developmentPlan.userId))
		.where(and(eq(planShare.sharedWithFirm, firmId), sql`jsonb_array_length(${planShare.sections}) > 0`))
		.orderBy(asc(user.name), asc(developmentPlan.title), asc(planShare.id));
	return { tied: usageBand(counted?.n ?? 0, k), shared: rows.map(viewOf) };
}

function sharedWith(email: string) {
	return eq(planShare.sharedWithEmail, email.trim().toLowerCase());
}

/** Plans colleagues shared with this account's (proven) address. */
export async function plansSharedWithMe(db: Database, me: { email: string }): Promise<SharedPlanView[]> {
	const rows = await db
		.select(columns)
		.from(planShare)
		.innerJoin(developmentPlan, eq(developmentPlan.id, planShare.planId))
		.innerJoin(user, eq(user.id, developmentPlan.userId))
		.where(sharedWith(me.email))
		.orderBy(asc(user.name), asc(developmentPlan.title));
	return rows.map(viewOf);
}

/** One plan shared with this account, or null (not shared with it, stopped, or no such share). */
export async function planSharedWithMe(db: Database, me: { email: string }, shareId: string): Promise<SharedPlanView | null> {
	if (!planIdSchema.safeParse(shareId).success) return null;
	const [row] = await db
		.select(columns)
		.from(planShare)
		.innerJoin(developmentPlan, eq(developmentPlan.id, planShare.planId))
		.innerJoin(user, eq(user.id, developmentPlan.userId))
		.where(and(eq(planShare.id, shareId), sharedWith(me.email)))
		.limit(1);
	return row ? viewOf(row) : null;
}
