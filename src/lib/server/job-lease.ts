// Periodic jobs (reminders, retention) run on one app server at a time: each run first claims a lease row for
// its job, and only the server whose claim succeeds runs it. A lease, not a session-held advisory lock, since
// the pool's connections are shared by requests and a crashed server's lease simply runs out. The same SQL
// works on PGlite, where the one server always wins.
import { sql } from 'drizzle-orm';
import type { Database } from './db/client';
import { rowsOf } from './db/raw-rows';

/** true when this server may run `job` now; it then holds the job for `seconds` (the run's interval, less a margin). */
export async function claimJob(db: Database, job: string, seconds: number): Promise<boolean> {
	const rows = await rowsOf(
		db,
		sql`insert into job_lease as l (job, held_until) values (${job}, now() + make_interval(secs => ${seconds}))
			on conflict (job) do update set held_until = excluded.held_until where l.held_until <= now()
			returning job`
	);
	return rows.length === 1;
}
