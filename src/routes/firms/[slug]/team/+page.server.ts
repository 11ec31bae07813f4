
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { requireFirm } from '$lib/web/guards';
import { formError, readForm } from '$lib/web/forms';
import { clientKey } from '$lib/server/http';
import { ADVISER_KINDS, listAdvisers, listMembers, removeManager, withdrawAdviser } from '$lib/server/firms/advisers';
import { listPendingInvitations, withdrawInvitation } from '$lib/server/firms/invitations';
import { inviteMember } from '$lib/server/firms/invite-member';
import { ambassadorReportLog, setAmbassadorReport } from '$lib/server/firms/ambassador-report';
import type { InviteMemberErrorCode } from '$lib/server/firms/invite-member.schema';
import * as m from '$lib/paraglide/messages';
import { uiLocale } from '$lib/locale';

export const load: PageServerLoad = async (event) => {
	const { firm, role } = await requireFirm(event, 'manage');
	const db = app().database.db;
	return {
		members: await listMembers(db, firm.id),
		advisers: await listAdvisers(db, firm.id),
		invitations: await listPendingInvitations(db, firm.id),
		reportLog: (await ambassadorReportLog(db, firm.id)).map((c) => ({ grantId: c.grantId, shared: c.shared, changedBy: c.changedBy, changedAt: c.changedAt })),
		kinds: ADVISER_KINDS,
		isOwner: role === 'owner'
	};
};

const inviteErrorText: Record<InviteMemberErrorCode, () => string> = {
	invalid: () => m.account_email_invalid(),
	required: () => m.common_required(),
	self: () => m.firm_error_self()
};

export const actions = {
	invite: async (event) => {
		const { firm, user } = await requireFirm(event, 'manage');
		const form = await readForm(event.request);
		if (!form) return formError(400, new FormData(), m.common_form_has_errors());
		const { database, limits, mailer, origin } = app();
		const result = await inviteMember(
			{ db: database.db, mailer, origin, limiter: limits.invite },
			{ firm, inviter: user, email: form.get('email'), role: form.get('role'), clientKey: clientKey(event), locale: uiLocale() }
		);
		if (result.ok) return { done: m.firm_invited({ email: result.email }) };
		if ('rateLimited' in result) return formError(429, form, m.common_rate_limited({ minutes: 60 }));
		const errors = Object.fromEntries(Object.entries(result.errors).map(([field, code]) => [field, inviteErrorText[code]()]));
		return formError(400, form, result.errors.email === 'self' ? m.firm_error_self() : m.common_form_has_errors(), errors);
	},
	withdrawInvitation: async (event) => {
		const { firm } = await requireFirm(event, 'manage');
		const form = await readForm(event.request);
		const invitationId = String(form?.get('invitationId') ?? '');
		if (!z.uuid().safeParse(invitationId).success || !(await withdrawInvitation(app().database.db, firm.id, invitationId))) {
			return formError(404, form ?? new FormData(), m.common_error_not_found());
		}
		return { done: m.firm_invitation_withdrawn() };
	},
	withdraw: async (event) => {
		const { firm } = await requireFirm(event, 'manage');
		const form = await readForm(event.request);
		const grantId = String(form?.get('grantId') ?? '');
		if (!z.uuid().safeParse(grantId).success || !(await withdrawAdviser(app().database.db, firm.id, grantId))) {
			return formError(404, form ?? new FormData(), m.common_error_not_found());
		}
		return { done: m.firm_withdrawn() };
	},
	/** The owner's consent: one learning ambassador may (or may no longer) see the reports. Logged. */
	ambassadorReport: async (event) => {
		const { firm, user } = await requireFirm(event, 'own');
		const form = await readForm(event.request);
		const changed = await setAmbassadorReport(app().database.db, { firmId: firm.id, changedBy: user.id, form: { grantId: form?.get('grantId'), shared: form?.get('shared') } });
		if (!changed) return formError(404, form ?? new FormData(), m.common_error_not_found());
		return { done: form?.get('shared') === 'on' ? m.directory_ambassador_report_on_done() : m.directory_ambassador_report_off_done() };
	},
	removeManager: async (event) => {
		const { firm } = await requireFirm(event, 'own');
		const form = await readForm(event.request);
		const userId = String(form?.get('userId') ?? '');
		if (!(await removeManager(app().database.db, firm.id, userId))) return formError(404, form ?? new FormData(), m.common_error_not_found());
		return { done: m.firm_manager_removed() };
	}
} satisfies Actions;
