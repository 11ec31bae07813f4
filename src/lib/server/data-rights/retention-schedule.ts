// Runs the retention rule when the server starts and then once a day. With several app servers on one
// PostgreSQL, `claim` (a job lease) lets one of them run it; a second run would be harmless anyway, since
// removing answers that are already gone removes nothing.
import type { Database } from '../db/client';
import { dayOf } from '../clock';
import { runRetention, type RetentionResult } from './retention';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface RetentionSchedule {
	/** The run that started with the schedule; resolves when it is done (or has failed and been logged). */
	firstRun: Promise<RetentionResult | null>;
	stop(): void;
}

export function startRetentionSchedule(
	db: Database,
	months: number,
	options: { log?: (message: string) => void; today?: () => string; claim?: () => Promise<boolean> } = {}
): RetentionSchedule {
	const log = options.log ?? ((message: string) => console.log(message));
	const today = options.today ?? (() => dayOf());
	let running = false;
	const run = async (): Promise<RetentionResult | null> => {
		if (running) return null;
		running = true;
		try {
			if (options.claim && !(await options.claim())) return null;
			const result = await runRetention(db, { today: today(), months });
			if (result.responses > 0) {
				log(`Retention: removed ${result.responses} answers submitted before ${result.cutoff} from ${result.rounds} closed rounds; their report figures stay.`);
			}
			return result;
		} catch (e) {
			// A failed run is tried again tomorrow; it must never stop the server.
			log(`Retention run failed: ${e instanceof Error ? e.message : String(e)}`);
			return null;
		} finally {
			running = false;
		}
	};
	const firstRun = run();
	const timer = setInterval(() => void run(), DAY_MS);
	timer.unref();
	return { firstRun, stop: () => clearInterval(timer) };
}
