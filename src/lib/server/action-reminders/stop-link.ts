// What a stop link in a reminder is about, for the page that asks "stop these mails?" without signing in.
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { firm, user } from '../db/schema';
import { readStopToken, type StopRequest } from './stop-token';
import { stopMail } from './mail-setting';

export interface StopLink extends StopRequest {
	firmName: string;
	firmSlug: string;
}

/** The link's request with the firm's name, or null for a link that is not genuine or whose account or firm is gone. */
export async function stopLinkTarget(db: Database, secret: string, token: string): Promise<StopLink | null> {
	const request = readStopToken(secret, token);
	if (!request) return null;
	const [found] = await db.select({ name: firm.name, slug: firm.slug }).from(firm).where(eq(firm.id, request.firmId));
	const [account] = await db.select({ id: user.id }).from(user).where(eq(user.id, request.userId));
	if (!found || !account) return null;
	return { ...request, firmName: found.name, firmSlug: found.slug };
}

/** Stops the mail the link is about; false when the link is not genuine (nothing changes then). */
export async function stopByLink(db: Database, secret: string, token: string): Promise<StopLink | null> {
	const target = await stopLinkTarget(db, secret, token);
	if (!target) return null;
	await stopMail(db, target.userId, target.firmId, target.kind);
	return target;
}
