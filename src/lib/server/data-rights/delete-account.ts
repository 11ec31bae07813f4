// Deleting one's own account. The account row goes and, through the foreign keys, its sessions, sign-in
// methods, firm memberships, adviser grants, data agreements, its directory listing, and its development plans
// with their shares (the plans are the worker's, never a firm's). What stays: firms it belonged to (they are
// the firm's), and the export log's plain user id, which must keep saying that this (now anonymous) account
// once took data. A firm must never be left without an owner, so the last owner of a firm is
// refused until the firm is deleted or has another owner.
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { account, adviserGrant, dataAgreement, deletionLog, developmentPlan, directoryListing, firm, firmMember, session, user } from '../db/schema';
import { subjectHash } from './delete-firm';

export interface OwnedFirm {
	slug: string;
	name: string;
}

/** Firms where this account is the only owner. */
export async function firmsOnlyOwnedBy(db: Pick<Database, 'select'>, userId: string): Promise<OwnedFirm[]> {
	const others = db
		.select({ firmId: firmMember.firmId })
		.from(firmMember)
		.where(and(eq(firmMember.role, 'owner'), ne(firmMember.userId, userId)));
	return db
		.select({ slug: firm.slug, name: firm.name })
		.from(firmMember)
		.innerJoin(firm, eq(firm.id, firmMember.firmId))
		.where(and(eq(firmMember.userId, userId), eq(firmMember.role, 'owner'), sql`${firmMember.firmId} not in ${others}`))
		.orderBy(firm.name);
}

/** The e-mail address, typed again, confirms; capitals and spaces around it do not count. */
export function confirmsEmail(typed: string, email: string): boolean {
	return typed.trim() !== '' && typed.trim().toLowerCase() === email.trim().toLowerCase();
}

export type DeleteAccountResult =
	| { ok: true; rows: Record<string, number> }
	| { ok: false; reason: 'not_found' | 'email_mismatch' }
	| { ok: false; reason: 'last_owner'; firms: OwnedFirm[] };

export async function deleteAccount(db: Database, input: { userId: string; confirmEmail: string; today: string }): Promise<DeleteAccountResult> {
	const [found] = await db.select({ id: user.id, email: user.email }).from(user).where(eq(user.id, input.userId)).limit(1);
	if (!found) return { ok: false, reason: 'not_found' };
	if (!confirmsEmail(input.confirmEmail, found.email)) return { ok: false, reason: 'email_mismatch' };
	return db.transaction(async (tx) => {
		const owned = await firmsOnlyOwnedBy(tx, found.id);
		if (owned.length > 0) return { ok: false as const, reason: 'last_owner' as const, firms: owned };
		const rows: Record<string, number> = {
			user: 1,
			session: await tx.$count(session, eq(session.userId, found.id)),
			account: await tx.$count(account, eq(account.userId, found.id)),
			firm_member: await tx.$count(firmMember, eq(firmMember.userId, found.id)),
			adviser_grant: await tx.$count(adviserGrant, eq(adviserGrant.adviserId, found.id)),
			data_agreement: await tx.$count(dataAgreement, eq(dataAgreement.userId, found.id)),
			directory_listing: await tx.$count(directoryListing, eq(directoryListing.userId, found.id)),
			development_plan: await tx.$count(developmentPlan, eq(developmentPlan.userId, found.id))
		};
		await tx.delete(user).where(eq(user.id, found.id));
		await tx.insert(deletionLog).values({ kind: 'account', subjectHash: subjectHash(found.id), deletedOn: input.today, rows });
		return { ok: true as const, rows };
	});
}
