// The worker's own plans: written, read, changed and deleted by the author alone. Every function takes the
// author's account id and finds nothing for anyone else, so a route cannot hand a plan to the wrong person.
import { and, desc, eq } from 'drizzle-orm';
import { planContentSchema, type PlanContent } from '../../domain/plans/plan';
import type { Database } from '../db/client';
import { developmentPlan } from '../db/schema';
import { planIdSchema } from './plans.schema';

export interface MyPlan extends PlanContent {
	id: string;
	updatedAt: Date;
}

function mine(userId: string, planId: string) {
	return and(eq(developmentPlan.id, planId), eq(developmentPlan.userId, userId));
}

export async function createPlan(db: Database, userId: string, content: PlanContent): Promise<string> {
	const c = planContentSchema.parse(content);
	const [row] = await db.insert(developmentPlan).values({ userId, title: c.title, situation: c.situation, goals: c.goals }).returning({ id: developmentPlan.id });
	return row!.id;
}

/** The author's plan, or null (also for a plan of someone else: the same answer as for one that does not exist). */
export async function findMyPlan(db: Database, userId: string, planId: string): Promise<MyPlan | null> {
	if (!planIdSchema.safeParse(planId).success) return null;
	const [row] = await db.select().from(developmentPlan).where(mine(userId, planId)).limit(1);
	return row ? { id: row.id, title: row.title, situation: row.situation, goals: row.goals, updatedAt: row.updatedAt } : null;
}

export async function listMyPlans(db: Database, userId: string): Promise<Array<{ id: string; title: string; goals: number; updatedAt: Date }>> {
	const rows = await db
		.select({ id: developmentPlan.id, title: developmentPlan.title, goals: developmentPlan.goals, updatedAt: developmentPlan.updatedAt })
		.from(developmentPlan)
		.where(eq(developmentPlan.userId, userId))
		.orderBy(desc(developmentPlan.updatedAt));
	return rows.map((r) => ({ id: r.id, title: r.title, goals: r.goals.length, updatedAt: r.updatedAt }));
}

export async function updatePlan(db: Database, userId: string, planId: string, content: PlanContent): Promise<boolean> {
	if (!planIdSchema.safeParse(planId).success) return false;
	const c = planContentSchema.parse(content);
	const rows = await db
		.update(developmentPlan)
		.set({ title: c.title, situation: c.situation, goals: c.goals, updatedAt: new Date() })
		.where(mine(userId, planId))
		.returning({ id: developmentPlan.id });
	return rows.length === 1;
}

/** Deletes the plan and, with it, every share of it. */
export async function deletePlan(db: Database, userId: string, planId: string): Promise<boolean> {
	if (!planIdSchema.safeParse(planId).success) return false;
	const rows = await db.delete(developmentPlan).where(mine(userId, planId)).returning({ id: developmentPlan.id });
	return rows.length === 1;
}
