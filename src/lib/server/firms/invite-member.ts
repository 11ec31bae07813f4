// Inviting someone to a firm's team (a co-manager or an adviser): the team page's use case. It checks the
// input, refuses to invite oneself, keeps to the limit per client and firm, then makes the invitation and
// mails its link (invitations.ts). The same answer whether or not the address has an account.
import type { Locale } from '../../paraglide/runtime.js';
import type { Database } from '../db/client';
import type { Mailer } from '../mail/mailer';
import type { Limiter } from '../shared-rate-limit';
import { inviteToFirm } from './invitations';
import { parseInviteMemberInput, type InviteMemberErrors } from './invite-member.schema';

export interface InviteMemberDeps {
	db: Database;
	mailer: Mailer;
	/** The configured public address the link is built from (never a request's Host). */
	origin: string;
	limiter: Limiter;
}

export interface InviteMemberInput {
	firm: { id: string; name: string };
	inviter: { id: string; name: string; email: string };
	/** As posted: the schema decides what is acceptable. */
	email: unknown;
	role: unknown;
	/** Who is asking, for the limit (e.g. the client's address). */
	clientKey: string;
	locale: Locale;
}

export type InviteMemberResult = { ok: true; email: string } | { ok: false; errors: InviteMemberErrors } | { ok: false; rateLimited: true };

export async function inviteMember(deps: InviteMemberDeps, input: InviteMemberInput): Promise<InviteMemberResult> {
	const parsed = parseInviteMemberInput({ email: input.email, role: input.role });
	if (!parsed.ok) return parsed;
	if (!(await deps.limiter.hit(`${input.clientKey}|${input.firm.id}`))) return { ok: false, rateLimited: true };
	const { email, role } = parsed.data;
	if (email === input.inviter.email.toLowerCase()) return { ok: false, errors: { email: 'self' } };
	await inviteToFirm(deps, { firm: input.firm, email, role, inviter: input.inviter, locale: input.locale });
	return { ok: true, email };
}
