import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { desc } from 'drizzle-orm';
import { app } from '$lib/web/app';
import { requireAdmin } from '$lib/web/guards';
import { firm, user, PLATFORM_ROLES } from '$lib/server/db/schema';
import { readForm } from '$lib/web/forms';
import { setPlatformRole } from '$lib/server/admin/set-platform-role';
import { platformRoleLabel } from '$lib/platform-roles';
import * as m from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	const me = requireAdmin(event);
	const db = app().database.db;
	const users = await db.select({ id: user.id, name: user.name, email: user.email, role: user.role, createdAt: user.createdAt }).from(user).orderBy(desc(user.createdAt)).limit(500);
	const firms = await db.select({ name: firm.name, slug: firm.slug, employees: firm.employees, createdAt: firm.createdAt }).from(firm).orderBy(desc(firm.createdAt)).limit(500);
	return { users, firms, me: me.id, roles: PLATFORM_ROLES };
};

const roleSchema = z.object({ userId: z.string().min(1).max(100), role: z.enum(PLATFORM_ROLES) });

export const actions = {
	setRole: async (event) => {
		const me = requireAdmin(event);
		const parsed = roleSchema.safeParse(Object.fromEntries((await readForm(event.request))?.entries() ?? []));
		if (!parsed.success) return fail(400, { message: m.common_form_has_errors() });
		const result = await setPlatformRole(app().database.db, me.id, parsed.data.userId, parsed.data.role);
		if (!result.ok) return fail(result.reason === 'self' ? 400 : 404, { message: result.reason === 'self' ? m.admin_role_self() : m.common_error_not_found() });
		return { done: m.admin_role_saved({ name: result.name, role: platformRoleLabel(parsed.data.role) }) };
	}
} satisfies Actions;
