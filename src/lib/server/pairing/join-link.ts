// The link a firm hands out so colleagues can record what they teach and want to learn themselves, without an
// account: most of them have none, and asking them to make one for this would stop most of them. Anyone with
// the link can add a name; the owner sees who recorded themselves, can remove them, and can renew the link.
// Nothing is mailed until the owner asks a pair, and that mail goes to the address given, so a wrong address
// only means the pair never agrees.
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { firm, pairingLink } from '../db/schema';

export async function joinLinkToken(db: Database, firmId: string): Promise<string | null> {
	const [row] = await db.select({ token: pairingLink.token }).from(pairingLink).where(eq(pairingLink.firmId, firmId));
	return row?.token ?? null;
}

/** A new link; the old one stops working. */
export async function renewJoinLink(db: Database, firmId: string): Promise<string> {
	const token = randomBytes(18).toString('base64url');
	await db
		.insert(pairingLink)
		.values({ firmId, token })
		.onConflictDoUpdate({ target: pairingLink.firmId, set: { token, createdAt: new Date() } });
	return token;
}

export async function stopJoinLink(db: Database, firmId: string): Promise<void> {
	await db.delete(pairingLink).where(eq(pairingLink.firmId, firmId));
}

export async function firmOfJoinLink(db: Database, token: string): Promise<{ id: string; name: string } | null> {
	if (token.length < 10 || token.length > 100) return null;
	const [row] = await db.select({ id: firm.id, name: firm.name }).from(pairingLink).innerJoin(firm, eq(firm.id, pairingLink.firmId)).where(eq(pairingLink.token, token));
	return row ?? null;
}
