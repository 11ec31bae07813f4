import type { RequestHandler } from './$types';
import { answer, apiFirm, apiRoute } from '$lib/web/api/http';
import { firmSchema } from '$lib/web/api/schemas';

export const GET: RequestHandler = apiRoute(async (caller) => {
	const { firm, role } = await apiFirm(caller, 'view');
	return answer(firmSchema, { slug: firm.slug, name: firm.name, sector: firm.sector, sizeClass: firm.sizeClass, province: firm.province, employees: firm.employees, role });
});
