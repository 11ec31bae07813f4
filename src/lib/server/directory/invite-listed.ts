// An owner or co-manager invites a retired entrepreneur from the directory to their firm. It is the ordinary
// invitation of kind 'retired' (firms/invitations.ts): mailed to the person, accepted only through that link
// by their proven account, withdrawn on the team page. The address comes from the account and never reaches
// the inviter: the team page and the firm's archive show the listing's name instead.
import { and, eq, isNull } from 'drizzle-orm';
import type { Locale } from '../../paraglide/runtime.js';
import type { Database } from '../db/client';
import { adviserGrant, directoryListing, user } from '../db/schema';
import type { Mailer } from '../mail/mailer';
import type { Limiter } from '../shared-rate-limit';
import { inviteToFirm } from '../firms/invitations';

export interface InviteListedDeps {
	db: Database;
	mailer: Mailer;
	origin: string;
	limiter: Limiter;
}

export type InviteListedResult = { ok: true; name: string } | { ok: false; reason: 'not-found' | 'self' | 'already' | 'rate-limited' };

export async function inviteListed(
	deps: InviteListedDeps,
	input: { listingId: string; firm: { id: string; name: string }; inviter: { id: string; name: string }; clientKey: string; locale: Locale }
): Promise<InviteListedResult> {
	const [listed] = await deps.db
		.select({ userId: user.id, email: user.email, name: directoryListing.name })
		.from(directoryListing)
		.innerJoin(user, eq(user.id, directoryListing.userId))
		.where(and(eq(directoryListing.id, input.listingId), eq(directoryListing.published, true)))
		.limit(1);
	if (!listed) return { ok: false, reason: 'not-found' };
	if (listed.userId === input.inviter.id) return { ok: false, reason: 'self' };
	const [live] = await deps.db
		.select({ id: adviserGrant.id })
		.from(adviserGrant)
		.where(and(eq(adviserGrant.firmId, input.firm.id), eq(adviserGrant.adviserId, listed.userId), isNull(adviserGrant.revokedAt)))
		.limit(1);
	if (live) return { ok: false, reason: 'already' };
	if (!(await deps.limiter.hit(`${input.clientKey}|${input.firm.id}`))) return { ok: false, reason: 'rate-limited' };
	await inviteToFirm(deps, { firm: input.firm, email: listed.email, role: 'retired', inviter: input.inviter, locale: input.locale, listedName: listed.name });
	return { ok: true, name: listed.name };
}
