// Every survey page and post starts by looking up its round by the link's token. When thousands answer at
// once that lookup is most of the database's work, while a round hardly ever changes: only its status, and
// that change clears this cache (forgetCachedRounds) on this server at once and, on PostgreSQL, on every other
// app server through NOTIFY (shareRoundCacheChanges), so a round closed on one server is closed on all. A
// server that missed a notification (its listening connection dropped) clears the cache when it listens again,
// and sees the change within TTL_MS even while it cannot; sending re-checks the status inside its own
// transaction anyway, so a stale entry can never store an answer in a closed or paused round.
import type { Database, Notifications } from '../../db/client';
import { findRoundByLinkToken, type SurveyRound } from './find-round';

const TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;
const CHANNEL = 'leerkompas_round_changed';
const cache = new Map<string, { round: SurveyRound; until: number }>();
let others: Notifications | undefined;

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

/** After a round's status changed or a firm was deleted (after the commit): here, and on the other servers. */
export async function forgetCachedRounds(): Promise<void> {
	cache.clear();
	try {
		await others?.notify(CHANNEL, '');
	} catch {
		// The change is committed; the other servers see it within TTL_MS.
	}
}

/** At start on PostgreSQL: hear the other app servers' changes, and tell them ours. */
export async function shareRoundCacheChanges(notifications: Notifications): Promise<void> {
	others = notifications;
	// On every (re)connect too: changes made while this server was not listening may be in the cache.
	await notifications.listen(CHANNEL, () => cache.clear(), () => cache.clear());
}

/** At shutdown, so a stopped app (tests start several in one process) does not notify through a closed client. */
export function stopSharingRoundCacheChanges(): void {
	others = undefined;
}
