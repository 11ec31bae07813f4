
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { requireFirm } from '$lib/web/guards';
import { formError, parseForm, readForm } from '$lib/web/forms';
import { clientKey } from '$lib/server/http';
import { ADVISER_KINDS, listAdvisers, listMembers, removeManager, withdrawAdviser } from '$lib/server/firms/advisers';
import { inviteToFirm, listPendingInvitations, withdrawInvitation } from '$lib/server/firms/invitations';
import * as m from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';

export const load: PageServerLoad = async (event) => {
	const { firm, role } = await requireFirm(event, 'manage');
	const db = app().database.db;
	return {
		members: await listMembers(db, firm.id),
		advisers: await listAdvisers(db, firm.id),
		invitations: await listPendingInvitations(db, firm.id),
		kinds: ADVISER_KINDS,
		isOwner: role === 'owner'
	};
};

const inviteSchema = () =>
	z.object({
		email: z.string().trim().toLowerCase().pipe(z.email({ message: m.account_email_invalid() })),
		role: z.enum(['manager', ...ADVISER_KINDS] as ['manager', 'adviser', 'coach', 'ambassador', 'retired'], { message: m.common_required() })
	});

export const actions = {
	invite: async (event) => {
		const { firm, user } = await requireFirm(event, 'manage');
		const form = await readForm(event.request);
		if (!form) return formError(400, new FormData(), m.common_form_has_errors());
		const parsed = parseForm(inviteSchema(), form);
		if (!parsed.ok) return parsed.failure;
		const { database, limits, mailer, origin } = app();
		if (!limits.invite.hit(`${clientKey(event)}|${firm.id}`)) return formError(429, form, m.common_rate_limited({ minutes: 60 }));
		const { email, role } = parsed.data;
		if (email === user.email.toLowerCase()) return formError(400, form, m.firm_error_self(), { email: m.firm_error_self() });
		// The same answer and the same mail whether or not the address has an account (see invitations.ts).
		await inviteToFirm({ db: database.db, mailer, origin }, { firm, email, role, inviter: user, locale: getLocale() });
		return { done: m.firm_invited({ email }) };
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
	removeManager: async (event) => {
		const { firm } = await requireFirm(event, 'own');
		const form = await readForm(event.request);
		const userId = String(form?.get('userId') ?? '');
		if (!(await removeManager(app().database.db, firm.id, userId))) return formError(404, form ?? new FormData(), m.common_error_not_found());
		return { done: m.firm_manager_removed() };
	}
} satisfies Actions;
