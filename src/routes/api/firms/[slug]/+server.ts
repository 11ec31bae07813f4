import { json, type RequestHandler } from '@sveltejs/kit';
import { app } from '$lib/web/app';
import { allows, firmAccess } from '$lib/server/firms/access';

// The same rule as the pages, answered as JSON: 401 without a session, 404 for a firm out of reach.
export const GET: RequestHandler = async ({ locals, params }) => {
	if (!locals.user) return json({ error: 'unauthorized' }, { status: 401 });
	const access = await firmAccess(app().database.db, locals.user.id, params.slug ?? '');
	if (!allows(access, 'view')) return json({ error: 'not_found' }, { status: 404 });
	const { firm } = access;
	return json({ slug: firm.slug, name: firm.name, sector: firm.sector, sizeClass: firm.sizeClass, province: firm.province, employees: firm.employees, role: access.role });
};
