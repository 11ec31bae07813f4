// Every survey page and post starts by looking up its round by the link's token. When thousands answer at
// once that lookup is most of the database's work, while a round hardly ever changes: only its status, and
// that change clears this cache (forgetCachedRounds) on this server at once. Other app servers behind the
// same PostgreSQL see it within TTL_MS; sending re-checks the status inside its own transaction anyway, so a
// stale entry can never store an answer in a closed or paused round.
import type { Database } from '../../db/client';
import { findRoundByLinkToken, type SurveyRound } from './find-round';

const TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;
const cache = new Map<string, { round: SurveyRound; until: number }>();

export async function findRoundByLinkTokenCached(db: Database, token: unknown, now = Date.now()): Promise<SurveyRound | null> {
	if (typeof token !== 'string') return null;
	const hit = cache.get(token);
	if (hit && hit.until > now) return hit.round;
	const round = await findRoundByLinkToken(db, token);
	// Unknown tokens are not kept: random guesses must not fill the cache.
	if (!round) {
		cache.delete(token);
		return null;
	}
	if (cache.size >= MAX_ENTRIES) cache.clear();
	cache.set(token, { round, until: now + TTL_MS });
	return round;
}

/** After a round's status changed or a firm was deleted. */
export function forgetCachedRounds(): void {
	cache.clear();
}
