// The running app's services, made once at start (hooks.server.ts `init`) and closed at shutdown.
import type { RequestEvent } from '@sveltejs/kit';
import { publicOrigin, type Config } from '../server/config';
import { openDatabase, type DatabaseHandle } from '../server/db/client';
import { acquireDataDirLock } from '../server/db/lock';
import { startDatabaseMaintenance, type Maintenance } from '../server/db/maintenance';
import { routeDatabaseErrors } from '../server/db/fault-boundary';
import { apiWithDatabaseFaultsAs503, databaseFaultsAs503 } from './database-faults';
import { startupFailure } from '../server/startup-failure';
import { ensureStarterEntries, starterReportLines } from '../server/knowledge/starter-entries';
import { createAuth, MAGIC_LINK_MINUTES, PASSWORD_RESET_MINUTES, VERIFICATION_HOURS, type Auth } from '../server/auth/auth';
import { persistentSecret } from '../server/instance-settings';
import { createMailer, type Mailer } from '../server/mail/mailer';
import { createRateLimiter, type RateLimiter } from '../server/rate-limit';
import { startRetentionSchedule, type RetentionSchedule } from '../server/data-rights/retention-schedule';
import { startReminderSchedule, type ReminderSchedule } from '../server/action-reminders/reminder-schedule';
import { STOP_SECRET_NAME } from '../server/action-reminders/stop-token';
import { existingAccountMail, magicLinkMail, passwordResetMail, verificationMail } from '../server/mail/templates';
import { createSurveyPostLimiter } from '../server/scan/survey/limits';
import { createAddressWatch, type AddressWatch } from '../server/scan/survey/address-watch';
import { createResponseWriter, type ResponseWriter } from '../server/scan/survey/response-writer';
import { getLocale } from '../paraglide/runtime.js';

export interface AppServices {
	config: Config;
	origin: string;
	database: DatabaseHandle;
	auth: Auth;
	mailer: Mailer;
	/** Stores survey responses, many per transaction when many arrive at once. */
	responseWriter: ResponseWriter;
	limits: {
		signIn: RateLimiter;
		magicLink: RateLimiter;
		signUp: RateLimiter;
		/** "Wachtwoord vergeten" and "stuur de bevestigingsmail opnieuw": each sends a mail to an address someone typed. */
		mailRequest: RateLimiter;
		invite: RateLimiter;
		/** Self-scans kept under a private link, per client address: nobody fills the table from one machine. */
		selfScanKeeps: RateLimiter;
		surveyPosts: RateLimiter;
		/** /api/v1 calls per token (and per address for unknown tokens). */
		api: RateLimiter;
	};
	/** Responses per (hashed, daily forgotten) address: the open link's hourly limit and the burst signal. */
	addressWatch: AddressWatch;
}

let services: AppServices | undefined;
let releaseLock: (() => void) | undefined;
let retention: RetentionSchedule | undefined;
let maintenance: Maintenance | undefined;
let reminders: ReminderSchedule | undefined;

export async function startApp(config: Config, getRequestEvent: () => RequestEvent): Promise<AppServices> {
	if (services) return services;
	try {
		services = await openServices(config, getRequestEvent);
	} catch (e) {
		// A database out of reach or a failed migration: one line that says what to fix, not a stack trace.
		const reason = startupFailure(e, config);
		if (!reason) throw e;
		console.error(reason);
		process.exit(1);
	}
	return services;
}

async function openServices(config: Config, getRequestEvent: () => RequestEvent): Promise<AppServices> {
	if (!config.DATABASE_URL) releaseLock = acquireDataDirLock(config.dataDir, 'server');
	const database = await openDatabase(
		config.DATABASE_URL ? { kind: 'postgres', url: config.DATABASE_URL } : { kind: 'pglite', dataDir: config.dataDir }
	);
	await loadStarterEntries(database);
	retention = startRetentionSchedule(database.db, config.LEERKOMPAS_RETENTION_MONTHS);
	maintenance = startDatabaseMaintenance(database);
	const origin = publicOrigin(config);
	const mailer = createMailer(config);
	const secret = config.BETTER_AUTH_SECRET ?? (await persistentSecret(database.db, 'auth_secret'));
	reminders = startReminderSchedule(database.db, { mailer, origin, stopSecret: await persistentSecret(database.db, STOP_SECRET_NAME) });
	const betterAuth = createAuth({
		db: database.db,
		secret,
		baseURL: origin,
		getRequestEvent,
		requestLocale: () => getLocale(),
		sendMagicLink: async (email, url) => {
			await mailer.send({ to: email, ...magicLinkMail({ url, minutes: MAGIC_LINK_MINUTES, locale: getLocale() }) });
		},
		sendVerification: async (email, url) => {
			await mailer.send({ to: email, ...verificationMail({ url, hours: VERIFICATION_HOURS, locale: getLocale() }) });
		},
		sendExistingAccountNotice: async (email, links) => {
			await mailer.send({ to: email, ...existingAccountMail({ loginUrl: links.login, forgotUrl: links.forgot, locale: getLocale() }) });
		},
		sendPasswordReset: async (email, url) => {
			await mailer.send({ to: email, ...passwordResetMail({ url, minutes: PASSWORD_RESET_MINUTES, locale: getLocale() }) });
		}
	});
	// From here on, a query that fails because the database is unreachable or cannot write answers 503, also
	// when better-auth made the query and wrapped its error in one of its own.
	routeDatabaseErrors(database.db, databaseFaultsAs503());
	const auth: Auth = { ...betterAuth, api: apiWithDatabaseFaultsAs503(betterAuth.api) };
	return {
		config,
		origin,
		database,
		auth,
		mailer,
		// The embedded database has one connection; PostgreSQL can take a few writes side by side.
		responseWriter: createResponseWriter(database.db, { maxBatch: 50, parallel: database.kind === 'pglite' ? 1 : 4 }),
		limits: {
			signIn: createRateLimiter({ limit: 10, windowSeconds: 15 * 60 }),
			magicLink: createRateLimiter({ limit: 5, windowSeconds: 15 * 60 }),
			signUp: createRateLimiter({ limit: config.LEERKOMPAS_SIGNUPS_PER_HOUR, windowSeconds: 60 * 60 }),
			mailRequest: createRateLimiter({ limit: 5, windowSeconds: 15 * 60 }),
			invite: createRateLimiter({ limit: 30, windowSeconds: 60 * 60 }),
			selfScanKeeps: createRateLimiter({ limit: 30, windowSeconds: 60 * 60 }),
			surveyPosts: createSurveyPostLimiter(config.LEERKOMPAS_SURVEY_POSTS_PER_10_MIN),
			api: createRateLimiter({ limit: config.LEERKOMPAS_API_REQUESTS_PER_MINUTE, windowSeconds: 60 })
		},
		addressWatch: createAddressWatch({
			perHour: config.LEERKOMPAS_RESPONSES_PER_ADDRESS_PER_HOUR,
			burstPerTenMinutes: config.LEERKOMPAS_BURST_RESPONSES_PER_10_MIN
		})
	};
}

/**
 * The knowledge base's starter set, at every start: new and changed files are loaded, an invalid file is named
 * with what is wrong, and nothing here stops the server (the entries already stored stay available).
 */
async function loadStarterEntries(database: DatabaseHandle) {
	try {
		for (const line of starterReportLines(await ensureStarterEntries(database.db))) console.warn(line);
	} catch (e) {
		console.error(`Knowledge base: the starter set was not loaded (${e instanceof Error ? e.message : String(e)}); it is tried again on first use.`);
	}
}

export function app(): AppServices {
	if (!services) throw new Error('Leerkompas has not started: startApp() must run first.');
	return services;
}

export async function stopApp() {
	const current = services;
	services = undefined;
	retention?.stop();
	maintenance?.stop();
	reminders?.stop();
	await current?.database.close();
	releaseLock?.();
}
