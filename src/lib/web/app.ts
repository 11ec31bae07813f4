// The running app's services, made once at start (hooks.server.ts `init`) and closed at shutdown.
import type { RequestEvent } from '@sveltejs/kit';
import { publicOrigin, type Config } from '../server/config';
import { openDatabase, type DatabaseHandle } from '../server/db/client';
import { acquireDataDirLock } from '../server/db/lock';
import { keepHeapCloseToLive } from '../server/db/heap-growth';
import { startDatabaseMaintenance, type Maintenance } from '../server/db/maintenance';
import { claimJob } from '../server/job-lease';
import { shareRoundCacheChanges, stopSharingRoundCacheChanges } from '../server/scan/survey/round-cache';
import { routeDatabaseErrors } from '../server/db/fault-boundary';
import { apiWithDatabaseFaultsAs503, databaseFaultsAs503 } from './database-faults';
import { startupFailure } from '../server/startup-failure';
import { ensureStarterEntries, starterReportLines } from '../server/knowledge/starter-entries';
import { createAuth, MAGIC_LINK_MINUTES, PASSWORD_RESET_MINUTES, VERIFICATION_HOURS, type Auth } from '../server/auth/auth';
import { persistentSecret } from '../server/instance-settings';
import { createMailer, type Mailer } from '../server/mail/mailer';
import { type RateLimiter } from '../server/rate-limit';
import { createSharedRateLimiter, type Limiter } from '../server/shared-rate-limit';
import { startRetentionSchedule, type RetentionSchedule } from '../server/data-rights/retention-schedule';
import { startReminderSchedule, type ReminderSchedule } from '../server/action-reminders/reminder-schedule';
import { STOP_SECRET_NAME } from '../server/action-reminders/stop-token';
import { existingAccountMail, magicLinkMail, passwordResetMail, verificationMail } from '../server/mail/templates';
import { createSurveyPostLimiter } from '../server/scan/survey/limits';
import { createAddressWatch, type AddressWatch } from '../server/scan/survey/address-watch';
import { createResponseWriter, type ResponseWriter } from '../server/scan/survey/response-writer';
import { uiLocale } from '../locale';


/** better-auth counts its own endpoints per process; this counts them across every app server. */
const AUTH_POSTS_PER_QUARTER = 6;
export interface AppServices {
	config: Config;
	origin: string;
	database: DatabaseHandle;
	auth: Auth;
	mailer: Mailer;
	/** Stores survey responses, many per transaction when many arrive at once. */
	responseWriter: ResponseWriter;
	limits: {
		signIn: Limiter;
		magicLink: Limiter;
		signUp: Limiter;
		/** "Wachtwoord vergeten" and "stuur de bevestigingsmail opnieuw": each sends a mail to an address someone typed. */
		mailRequest: Limiter;
		invite: Limiter;
		/** Self-scans kept under a private link, per client address: nobody fills the table from one machine. */
		selfScanKeeps: Limiter;
		/** People who add themselves to a firm's master-and-apprentice list by its link, per address and list. */
		pairingSignUps: Limiter;
		/** Posts straight to better-auth's endpoints (/api/auth/…), per address and endpoint. */
		authPosts: Limiter;
		surveyPosts: RateLimiter;
		/** /api/v1 calls per token (and per address for unknown tokens), counted in the database like sign-ins. */
		api: Limiter;
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
	if (!config.DATABASE_URL) {
		releaseLock = acquireDataDirLock(config.dataDir, 'server');
		keepHeapCloseToLive();
	}
	const database = await openDatabase(
		config.DATABASE_URL ? { kind: 'postgres', url: config.DATABASE_URL } : { kind: 'pglite', dataDir: config.dataDir }
	);
	if (database.notifications) await shareRoundCacheChanges(database.notifications);
	await loadStarterEntries(database);
	// On PostgreSQL, where several app servers may share the database, the hourly and daily jobs run on one of
	// them per interval (job_lease); the margin lets the next interval's timer, a little early, still claim it.
	// The embedded database has one server, which runs them at every start as before.
	const claim = (job: string, seconds: number) => (database.kind === 'postgres' ? () => claimJob(database.db, job, seconds) : undefined);
	retention = startRetentionSchedule(database.db, config.LEERKOMPAS_RETENTION_MONTHS, { claim: claim('retention', 23 * 60 * 60) });
	maintenance = startDatabaseMaintenance(database);
	const origin = publicOrigin(config);
	const mailer = createMailer(config);
	const secret = config.BETTER_AUTH_SECRET ?? (await persistentSecret(database.db, 'auth_secret'));
	reminders = startReminderSchedule(database.db, {
		mailer,
		origin,
		stopSecret: await persistentSecret(database.db, STOP_SECRET_NAME),
		claim: claim('reminders', 55 * 60)
	});
	const betterAuth = createAuth({
		db: database.db,
		secret,
		baseURL: origin,
		getRequestEvent,
		requestLocale: () => uiLocale(),
		sendMagicLink: async (email, url) => {
			await mailer.send({ to: email, ...magicLinkMail({ url, minutes: MAGIC_LINK_MINUTES, locale: uiLocale() }) });
		},
		sendVerification: async (email, url) => {
			await mailer.send({ to: email, ...verificationMail({ url, hours: VERIFICATION_HOURS, locale: uiLocale() }) });
		},
		sendExistingAccountNotice: async (email, links) => {
			await mailer.send({ to: email, ...existingAccountMail({ loginUrl: links.login, forgotUrl: links.forgot, locale: uiLocale() }) });
		},
		sendPasswordReset: async (email, url) => {
			await mailer.send({ to: email, ...passwordResetMail({ url, minutes: PASSWORD_RESET_MINUTES, locale: uiLocale() }) });
		}
	});
	// From here on, a query that fails because the database is unreachable or cannot write answers 503, also
	// when better-auth made the query and wrapped its error in one of its own.
	routeDatabaseErrors(database.db, databaseFaultsAs503());
	const limitSecret = await persistentSecret(database.db, 'rate_limit_secret');
	const shared = (options: { name: string; limit: number; windowSeconds: number }) => createSharedRateLimiter(database.db, limitSecret, options);
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
			// In the database, so that every app server counts the same attempts (rate_limit_window).
			signIn: shared({ name: 'sign-in', limit: 10, windowSeconds: 15 * 60 }),
			magicLink: shared({ name: 'magic-link', limit: 5, windowSeconds: 15 * 60 }),
			signUp: shared({ name: 'sign-up', limit: config.LEERKOMPAS_SIGNUPS_PER_HOUR, windowSeconds: 60 * 60 }),
			mailRequest: shared({ name: 'mail-request', limit: 5, windowSeconds: 15 * 60 }),
			invite: shared({ name: 'invite', limit: 30, windowSeconds: 60 * 60 }),
			selfScanKeeps: shared({ name: 'self-scan-keep', limit: 30, windowSeconds: 60 * 60 }),
			pairingSignUps: shared({ name: 'pairing-sign-up', limit: 30, windowSeconds: 60 * 60 }),
			// better-auth's own endpoints, which no page posts to from the browser (they are called on the server).
			authPosts: shared({ name: 'auth-post', limit: AUTH_POSTS_PER_QUARTER, windowSeconds: 15 * 60 }),
			// Per app server on purpose: it bounds a flood on one link and sits on the survey's hot path, where a
			// database write per post would cost every respondent; N servers let N times the limit through.
			surveyPosts: createSurveyPostLimiter(config.LEERKOMPAS_SURVEY_POSTS_PER_10_MIN),
			api: shared({ name: 'api', limit: config.LEERKOMPAS_API_REQUESTS_PER_MINUTE, windowSeconds: 60 })
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
	stopSharingRoundCacheChanges();
	await current?.database.close();
	releaseLock?.();
}
