import type { PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { requireUser } from '$lib/web/guards';
import { listMyPlans } from '$lib/server/plans/my-plans';
import { plansSharedWithMe } from '$lib/server/plans/shared-plans';
import { firmByPlanCode } from '$lib/server/plans/share-plan';
import { formatDay } from '$lib/server/scan/rounds/format-day';
import { uiLocale } from '$lib/locale';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = app().database.db;
	const locale = uiLocale();
	const code = event.url.searchParams.get('code');
	const codeFirm = code ? await firmByPlanCode(db, code) : null;
	return {
		plans: (await listMyPlans(db, user.id)).map((p) => ({ id: p.id, title: p.title, goals: p.goals, updated: formatDay(p.updatedAt.toISOString().slice(0, 10), locale) })),
		sharedWithMe: (await plansSharedWithMe(db, user)).map((s) => ({ shareId: s.shareId, title: s.plan.title, author: s.author.name })),
		code: codeFirm && code ? { code: code.trim(), firm: codeFirm.name } : null,
		unknownCode: code !== null && !codeFirm,
		deleted: event.url.searchParams.has('deleted')
	};
};
