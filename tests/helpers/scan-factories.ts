// Scan rounds and cards for tests, inserted directly (the owner's round creation has its own tests).
import { randomBytes, randomUUID } from 'node:crypto';
import type { Database } from '../../src/lib/server/db/client';
import { account, roundCard, scanRound, user } from '../../src/lib/server/db/schema';

let counter = 0;

export const randomToken = () => randomBytes(24).toString('base64url');
/** Capitals and digits without look-alikes, as printed on cards. */
export function randomCode(length = 10): string {
	const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
	const bytes = randomBytes(length);
	return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

/** YYYY-MM-DD, `days` from today (UTC; a day's margin either side keeps tests clear of midnight). */
export function dayFromToday(days: number): string {
	return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

export type RoundRow = typeof scanRound.$inferSelect;

export async function makeRound(db: Database, firmId: string, overrides: Partial<typeof scanRound.$inferInsert> = {}): Promise<RoundRow> {
	const [row] = await db
		.insert(scanRound)
		.values({
			firmId,
			name: `Ronde ${Date.now().toString(36)}${(counter++).toString(36)}`,
			instrumentVersion: 'v1',
			opensOn: dayFromToday(-2),
			closesOn: dayFromToday(14),
			invited: 12,
			teams: [],
			linkToken: randomToken(),
			shortCode: randomCode(8),
			threshold: 5,
			...overrides
		})
		.returning();
	return row!;
}

export async function makeCards(db: Database, roundId: string, count: number): Promise<string[]> {
	const codes = Array.from({ length: count }, () => randomCode());
	await db.insert(roundCard).values(codes.map((code) => ({ roundId, code })));
	return codes;
}

/** A person who can sign in with e-mail and password, made before the server starts (as better-auth stores it). */
export async function makeSignInUser(db: Database, email: string, password: string, name = 'Eigenaar') {
	const { hashPassword } = await import('better-auth/crypto');
	const id = randomUUID();
	await db.insert(user).values({ id, name, email, emailVerified: true });
	await db.insert(account).values({ id: randomUUID(), accountId: id, providerId: 'credential', userId: id, password: await hashPassword(password) });
	return { id, email, password, name };
}
