// The personal link each of the two people gets for a proposed pair: which pair and which side, signed with a
// secret kept in the database. Nobody can make a link for another pair or the other side, and the link needs no
// account. It stays the person's way into the pair (to agree, keep the log, end it) for as long as the pair exists.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { PAIR_SIDES } from '../db/schema';

export const PAIR_LINK_SECRET_NAME = 'pairing_link_secret';

export type PairSide = (typeof PAIR_SIDES)[number];

export function pairToken(secret: string, pairId: string, side: PairSide): string {
	const payload = `${pairId}.${side === 'master' ? 'm' : 'a'}`;
	return `${payload}.${sign(secret, payload)}`;
}

/** The pair and side in a token, or null when it was changed, cut short or signed with another secret. */
export function readPairToken(secret: string, token: string): { pairId: string; side: PairSide } | null {
	const [pairId, side, signature, ...rest] = token.split('.');
	if (!pairId || !side || !signature || rest.length > 0) return null;
	if (!z.uuid().safeParse(pairId).success || (side !== 'm' && side !== 'a')) return null;
	const expected = Buffer.from(sign(secret, `${pairId}.${side}`));
	const given = Buffer.from(signature);
	if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
	return { pairId, side: side === 'm' ? 'master' : 'apprentice' };
}

function sign(secret: string, payload: string): string {
	return createHmac('sha256', secret).update(`pairing:${payload}`).digest('base64url');
}
