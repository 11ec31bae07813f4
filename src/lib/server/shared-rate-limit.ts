// Rate limits that hold across app servers: the window lives in the database (rate_limit_window), counted by
// one upsert per attempt, so ten sign-in attempts split over two servers are ten, not five and five. The
// database's clock decides the window, so servers with drifting clocks still count alike. Keys (an address
// and an e-mail address, say) are stored only as an HMAC under a secret kept in the database.
import { createHmac } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from './db/client';
import { rowsOf } from './db/raw-rows';

/** A limiter the pages await; the in-memory createRateLimiter fits it too. */
export interface Limiter {
	/** true when the request may go ahead */
	hit(key: string): boolean | Promise<boolean>;
	/** seconds until the key may try again */
	retryAfter(key: string): number | Promise<number>;
}

// Expired rows are removed now and then by the server that counts, so the table stays the size of one window.
const SWEEP_EVERY = 500;

export function createSharedRateLimiter(
	db: Database,
	secret: string,
	options: { name: string; limit: number; windowSeconds: number }
): Limiter {
	const { name, limit, windowSeconds } = options;
	const hash = (key: string) => createHmac('sha256', secret).update(`${name}\n${key}`).digest('base64url');
	let hitsSinceSweep = 0;

	return {
		async hit(key) {
			if (++hitsSinceSweep >= SWEEP_EVERY) {
				hitsSinceSweep = 0;
				await db.execute(sql`delete from rate_limit_window where limiter = ${name} and window_start <= now() - make_interval(secs => ${windowSeconds})`);
			}
			const rows = await rowsOf(db, sql`
				insert into rate_limit_window as w (limiter, key_hash, window_start, hits)
				values (${name}, ${hash(key)}, now(), 1)
				on conflict (limiter, key_hash) do update set
					hits = case when w.window_start <= now() - make_interval(secs => ${windowSeconds}) then 1 else w.hits + 1 end,
					window_start = case when w.window_start <= now() - make_interval(secs => ${windowSeconds}) then now() else w.window_start end
				returning hits`);
			return Number(rows[0]?.hits ?? 0) <= limit;
		},
		async retryAfter(key) {
			const rows = await rowsOf(db, sql`
				select ceil(extract(epoch from (window_start + make_interval(secs => ${windowSeconds}) - now())))::int as seconds
				from rate_limit_window where limiter = ${name} and key_hash = ${hash(key)}`);
			return Math.max(0, Number(rows[0]?.seconds ?? 0));
		}
	};
}
