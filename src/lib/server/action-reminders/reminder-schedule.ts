// Sends the action-plan reminders when the server starts and then every hour. Each run sends only what no run
// sent before (send-reminders.ts), so hourly runs cost a few queries and a mail goes out soon after midnight
// (Dutch time) on the deadline day, also when the server started at 23:00 the day before. With several app
// servers, `claim` (a job lease) lets one of them run each hour, so no mail goes out twice.
import type { Database } from '../db/client';
import type { Mailer } from '../mail/mailer';
import { dayOf } from '../clock';
import { sendReminders, type ReminderResult } from './send-reminders';

const HOUR_MS = 60 * 60 * 1000;

export interface ReminderSchedule {
	firstRun: Promise<ReminderResult | null>;
	stop(): void;
}

export function startReminderSchedule(
	db: Database,
	deps: { mailer: Mailer; origin: string; stopSecret: string; log?: (message: string) => void; today?: () => string; claim?: () => Promise<boolean> }
): ReminderSchedule {
	const log = deps.log ?? ((message: string) => console.log(message));
	const today = deps.today ?? (() => dayOf());
	let running = false;
	const run = async (): Promise<ReminderResult | null> => {
		if (running) return null;
		running = true;
		try {
			if (deps.claim && !(await deps.claim())) return null;
			const result = await sendReminders(db, { today: today(), mailer: deps.mailer, origin: deps.origin, stopSecret: deps.stopSecret, log });
			if (result.deadlineMails + result.monthlyMails > 0) {
				log(`Reminders: sent ${result.deadlineMails} deadline mails and ${result.monthlyMails} monthly summaries.`);
			}
			return result;
		} catch (e) {
			// A failed run is tried again next hour; it must never stop the server.
			log(`Reminder run failed: ${e instanceof Error ? e.message : String(e)}`);
			return null;
		} finally {
			running = false;
		}
	};
	const firstRun = run();
	const timer = setInterval(() => void run(), HOUR_MS);
	timer.unref();
	return { firstRun, stop: () => clearInterval(timer) };
}
