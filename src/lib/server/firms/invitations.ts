// Invitations by e-mail to join a firm as co-manager or adviser. The link carries a random token;
// we keep only its hash, and the person who accepts must be signed in with the invited, proven address.
// Every invitation goes by mail, also to an address that has an account: access follows only from the
// link in that mail, so an account made with someone else's address gets nothing, and the inviter's
// screen says the same whether or not the address has an account.
import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import type { Database } from '../db/client';
import { firm, firmInvitation } from '../db/schema';
import type { Mailer } from '../mail/mailer';
import { invitationMail } from '../mail/templates';
import type { Locale } from '../../paraglide/runtime.js';
import { addManager, grantAdviser, type AdviserKind } from './advisers';

export type InvitationRole = (typeof firmInvitation.$inferInsert)['role'];
const VALID_DAYS = 14;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createInvitation(db: Database, input: { firmId: string; email: string; role: InvitationRole; invitedBy: string; listedName?: string | null }) {
	const token = randomBytes(32).toString('base64url');
	const expiresAt = new Date(Date.now() + VALID_DAYS * 24 * 3600 * 1000);
	await db.insert(firmInvitation).values({
		firmId: input.firmId,
		email: input.email.trim().toLowerCase(),
		role: input.role,
		invitedBy: input.invitedBy,
		tokenHash: hashToken(token),
		expiresAt,
		listedName: input.listedName ?? null
	});
	return { token, expiresAt };
}

export async function findOpenInvitation(db: Database, token: string) {
	const [row] = await db
		.select({ id: firmInvitation.id, email: firmInvitation.email, role: firmInvitation.role, invitedBy: firmInvitation.invitedBy, listedName: firmInvitation.listedName, firmId: firm.id, firmName: firm.name, firmSlug: firm.slug })
		.from(firmInvitation)
		.innerJoin(firm, eq(firm.id, firmInvitation.firmId))
		.where(and(eq(firmInvitation.tokenHash, hashToken(token)), isNull(firmInvitation.acceptedAt), gt(firmInvitation.expiresAt, new Date())))
		.limit(1);
	return row ?? null;
}

export type AcceptResult = { ok: true; firmSlug: string } | { ok: false; reason: 'invalid' | 'wrong-email' };

export async function acceptInvitation(db: Database, token: string, account: { id: string; email: string }): Promise<AcceptResult> {
	const invitation = await findOpenInvitation(db, token);
	if (!invitation) return { ok: false, reason: 'invalid' };
	if (invitation.email !== account.email.toLowerCase()) return { ok: false, reason: 'wrong-email' };
	const claimed = await db
		.update(firmInvitation)
		.set({ acceptedAt: new Date() })
		.where(and(eq(firmInvitation.id, invitation.id), isNull(firmInvitation.acceptedAt)))
		.returning({ id: firmInvitation.id });
	if (claimed.length === 0) return { ok: false, reason: 'invalid' };
	if (invitation.role === 'manager') await addManager(db, invitation.firmId, account.id);
	// The consent is the inviter's, given when they sent the invitation.
	else await grantAdviser(db, invitation.firmId, account.id, invitation.role as AdviserKind, invitation.invitedBy ?? account.id, invitation.listedName !== null);
	return { ok: true, firmSlug: invitation.firmSlug };
}

/** Makes the invitation and mails its link, built from the configured public address (never a request's Host). */
export async function inviteToFirm(
	deps: { db: Database; mailer: Mailer; origin: string },
	input: { firm: { id: string; name: string }; email: string; role: InvitationRole; inviter: { id: string; name: string }; locale: Locale; listedName?: string | null }
) {
	const { token, expiresAt } = await createInvitation(deps.db, { firmId: input.firm.id, email: input.email, role: input.role, invitedBy: input.inviter.id, listedName: input.listedName });
	const url = `${deps.origin}/invitations/${token}`;
	await deps.mailer.send({
		to: input.email,
		...invitationMail({ url, firmName: input.firm.name, role: input.role, inviterName: input.inviter.name, expiresAt, locale: input.locale })
	});
}

/** Invitations not yet accepted and not expired, for the team page; one sent from the directory shows the listing's name, never the address. */
export async function listPendingInvitations(db: Database, firmId: string) {
	const rows = await db
		.select({ id: firmInvitation.id, email: firmInvitation.email, listedName: firmInvitation.listedName, role: firmInvitation.role, expiresAt: firmInvitation.expiresAt })
		.from(firmInvitation)
		.where(and(eq(firmInvitation.firmId, firmId), isNull(firmInvitation.acceptedAt), gt(firmInvitation.expiresAt, new Date())))
		.orderBy(asc(firmInvitation.createdAt));
	return rows.map(({ email, listedName, ...row }) => ({ ...row, who: listedName ?? email }));
}

/** Withdraws an invitation that was not accepted yet: its link stops working at once. */
export async function withdrawInvitation(db: Database, firmId: string, invitationId: string): Promise<boolean> {
	const rows = await db
		.delete(firmInvitation)
		.where(and(eq(firmInvitation.id, invitationId), eq(firmInvitation.firmId, firmId), isNull(firmInvitation.acceptedAt)))
		.returning({ id: firmInvitation.id });
	return rows.length > 0;
}
