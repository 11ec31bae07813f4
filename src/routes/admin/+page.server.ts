import type { PageServerLoad } from './$types';
import { desc } from 'drizzle-orm';
import { app } from '$lib/server/app';
import { requireAdmin } from '$lib/server/guards';
import { firm, user } from '$lib/server/db/schema';

export const load: PageServerLoad = async (event) => {
	requireAdmin(event);
	const db = app().database.db;
	const users = await db.select({ name: user.name, email: user.email, role: user.role, createdAt: user.createdAt }).from(user).orderBy(desc(user.createdAt)).limit(500);
	const firms = await db.select({ name: firm.name, slug: firm.slug, employees: firm.employees, createdAt: firm.createdAt }).from(firm).orderBy(desc(firm.createdAt)).limit(500);
	return { users, firms };
};
