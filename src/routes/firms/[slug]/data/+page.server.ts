import { redirect, type Actions } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { requireFirm } from '$lib/web/guards';
import { formError, readForm } from '$lib/web/forms';
import { agreementsOfFirm } from '$lib/server/export/agreements';
import { deleteFirm } from '$lib/server/data-rights/delete-firm';
import { exportLogOfFirm } from '$lib/server/export/audit-log';
import { dayOf } from '$lib/server/clock';
import { uiLocale } from '$lib/locale';
import * as m from '$lib/paraglide/messages';

function moment(date: Date): string {
	return new Intl.DateTimeFormat(uiLocale() === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(date);
}

export const load: PageServerLoad = async (event) => {
	const { firm } = await requireFirm(event, 'own');
	const db = app().database.db;
	const log = await exportLogOfFirm(db, firm.id, 100);
	const agreements = await agreementsOfFirm(db, firm.id);
	return {
		log: log.map((line) => ({ ...line, exportedAt: moment(line.exportedAt) })),
		agreements: agreements.map((a) => ({ ...a, recordedAt: moment(a.recordedAt), revokedAt: a.revokedAt ? moment(a.revokedAt) : null }))
	};
};

export const actions: Actions = {
	delete: async (event) => {
		const { firm } = await requireFirm(event, 'own');
		const form = (await readForm(event.request)) ?? new FormData();
		const typed = form.get('confirmName');
		const result = await deleteFirm(app().database.db, { firmId: firm.id, confirmName: typeof typed === 'string' ? typed : '', today: dayOf() });
		if (!result.ok) {
			const message = m.data_delete_name_mismatch({ name: firm.name });
			return formError(400, form, message, { confirmName: message });
		}
		redirect(303, '/account?firm-deleted');
	}
};
