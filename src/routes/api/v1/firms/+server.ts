import type { RequestHandler } from './$types';
import { app } from '$lib/web/app';
import { answer, apiRoute } from '$lib/web/api/http';
import { firmListSchema } from '$lib/web/api/schemas';
import { firmAccess, firmsOfUser } from '$lib/server/firms/access';

// The firms the token names that the account can still see, each with its role there.
export const GET: RequestHandler = apiRoute(async (caller) => {
	const db = app().database.db;
	const firms = [];
	for (const { slug } of await firmsOfUser(db, caller.userId)) {
		const access = await firmAccess(db, caller.userId, slug);
		if (!access || !caller.firmIds.includes(access.firm.id)) continue;
		const { firm } = access;
		firms.push({ slug: firm.slug, name: firm.name, sector: firm.sector, sizeClass: firm.sizeClass, province: firm.province, employees: firm.employees, role: access.role });
	}
	return answer(firmListSchema, { firms });
});
