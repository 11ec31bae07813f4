import type { Actions } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { requireFirm } from '$lib/web/guards';
import { formError, parseForm, readForm } from '$lib/web/forms';
import { mailSettingForm } from '$lib/server/action-reminders/mail-setting.schema';
import { mailSettingOf, saveMailSetting } from '$lib/server/action-reminders/mail-setting';
import * as m from '$lib/paraglide/messages';

// Members get the mails (owners both, a co-manager the deadline of an action they are named for), so members choose.
export const load: PageServerLoad = async (event) => {
	const { firm, user, role } = await requireFirm(event, 'manage');
	const db = app().database.db;
	return { setting: await mailSettingOf(db, user.id, firm.id), language: user.locale, isOwner: role === 'owner' };
};

export const actions: Actions = {
	default: async (event) => {
		const { firm, user } = await requireFirm(event, 'manage');
		const form = (await readForm(event.request)) ?? new FormData();
		const parsed = parseForm(mailSettingForm, form);
		if (!parsed.ok) return formError(400, form, m.common_form_has_errors());
		const { deadlineMail, monthlyMail } = parsed.data;
		await saveMailSetting(app().database.db, user.id, firm.id, { deadlineMail: deadlineMail === 'on', monthlyMail: monthlyMail === 'on' });
		return { saved: true };
	}
};
