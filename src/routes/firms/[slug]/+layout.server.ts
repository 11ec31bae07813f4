import type { LayoutServerLoad } from './$types';
import { requireFirm } from '$lib/web/guards';

export const load: LayoutServerLoad = async (event) => {
	const { firm, role, seesReport } = await requireFirm(event, 'view');
	return { firm: { slug: firm.slug, name: firm.name, sector: firm.sector, province: firm.province, employees: firm.employees, sizeClass: firm.sizeClass, worry: firm.worry }, role, seesReport };
};
