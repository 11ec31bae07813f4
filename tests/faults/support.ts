// What the fault tests and the benchmarks share: the built server on a database of its own (tests/support/
// server.ts, re-exported here), and a respondent who answers every screen of the questionnaire over plain
// HTTP, as a phone without JavaScript does.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, rmSync, statfsSync, writeSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inArray, sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../../src/lib/server/db/client';
import { scanResponse, submissionReceipt, surveyDraft } from '../../src/lib/server/db/schema';
import { submissionKeyFor } from '../../src/lib/server/scan/survey/keys';
import { freePort, type RunningServer, type ScratchDatabase } from '../support/server';
import { linkFromMail, pathOf } from '../e2e/support/mail';
export {
	freePort,
	launchServer,
	requireBuild,
	runServerToExit,
	scratchDatabase,
	snapshotBuild,
	startServer,
	type RunningServer,
	type ScratchDatabase
} from '../support/server';

/** True while the server runs; throws with the end of its output once it has died (so a wait stops at once). */
export function alive(server: RunningServer): true {
	if (server.process.exitCode === null && server.process.signalCode === null) return true;
	throw new Error(`The server died (exit ${server.process.exitCode ?? server.process.signalCode}):\n${server.output().slice(-3000)}`);
}

/** Polls `condition` until it holds; fails with `what` after `timeoutMs`. For waiting on a state, never on time. */
export async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 60_000, everyMs = 20): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await condition())) {
		if (Date.now() > deadline) throw new Error(`Gave up waiting for ${what}`);
		await new Promise((r) => setTimeout(r, everyMs));
	}
}

/**
 * A TCP relay between the server and PostgreSQL that a test can cut: `cut()` drops every open connection and
 * refuses new ones, as a network failure or a stopped database does; `restore()` accepts connections again.
 */
export interface CuttableLink {
	port: number;
	/** Connections relayed so far, and open now. */
	stats(): { opened: number; open: number };
	cut(): Promise<void>;
	restore(): Promise<void>;
	close(): Promise<void>;
}

export async function cuttableLink(targetHost: string, targetPort: number): Promise<CuttableLink> {
	const port = await freePort();
	const sockets = new Set<Socket>();
	let opened = 0;
	let server: Server | null = null;
	const listen = () =>
		new Promise<void>((resolve, reject) => {
			const srv = createServer((client) => {
				opened++;
				const upstream = connect(targetPort, targetHost);
				for (const [a, b] of [
					[client, upstream],
					[upstream, client]
				] as const) {
					sockets.add(a);
					a.on('error', () => b.destroy());
					a.on('close', () => {
						sockets.delete(a);
						b.destroy();
					});
					a.pipe(b);
				}
			});
			srv.once('error', reject);
			srv.listen(port, '127.0.0.1', () => resolve());
			server = srv;
		});
	const stopListening = () =>
		new Promise<void>((resolve) => {
			const srv = server;
			server = null;
			if (!srv) return resolve();
			srv.close(() => resolve());
			for (const socket of sockets) socket.destroy();
		});
	await listen();
	return {
		port,
		stats: () => ({ opened, open: sockets.size / 2 }),
		cut: stopListening,
		restore: () => (server ? Promise.resolve() : listen()),
		close: stopListening
	};
}

/** Runs respondents, at most `concurrency` at a time, until `stop()` says so or all have run once. */
export async function runRespondents(respondents: Respondent[], concurrency: number, stop: () => boolean = () => false): Promise<void> {
	let next = 0;
	async function worker() {
		while (!stop() && next < respondents.length) {
			const respondent = respondents[next++]!;
			try {
				await respondent.run();
			} catch (e) {
				// The server died under this request; the respondent keeps its state for the resend.
				respondent.lastError = e instanceof Error ? `${e.message} ${String(e.cause ?? '')}` : String(e);
			}
		}
	}
	await Promise.all(Array.from({ length: concurrency }, worker));
}

/** What the rounds hold: how often each respondent's marker was stored, responses, receipts, and drafts with a marker. */
export interface StoredRounds {
	markers: Map<string, number>;
	responses: number;
	receipts: number;
	/** Drafts that still hold a first open answer: a respondent's answers that were not (yet) sent. */
	draftsWithMarker: string[];
}

export async function storedIn(db: Database, roundIds: string[]): Promise<StoredRounds> {
	const stored = await db
		.select({ marker: sql<string>`${scanResponse.open}->>'open_strength'` })
		.from(scanResponse)
		.where(inArray(scanResponse.roundId, roundIds));
	const markers = new Map<string, number>();
	for (const { marker } of stored) markers.set(marker, (markers.get(marker) ?? 0) + 1);
	const [receipts] = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(submissionReceipt)
		.where(inArray(submissionReceipt.roundId, roundIds));
	const drafts = await db
		.select({ marker: sql<string | null>`${surveyDraft.data}->>'open_strength'` })
		.from(surveyDraft)
		.where(inArray(surveyDraft.roundId, roundIds));
	return {
		markers,
		responses: stored.length,
		receipts: receipts!.n,
		draftsWithMarker: drafts.flatMap((d) => (d.marker === null ? [] : [d.marker]))
	};
}

/** `storedIn` on a database no server holds: opens it (which also shows it opens cleanly) and closes it again. */
export async function storedOnDisk(database: ScratchDatabase, roundIds: string[]): Promise<StoredRounds> {
	const handle = await openDatabase(database.target);
	try {
		return await storedIn(handle.db, roundIds);
	} finally {
		await handle.close();
	}
}

/** Lines of the server's output that look like a stack trace: a server that says what is wrong prints none. */
export function stackLines(output: string): string[] {
	return output.split('\n').filter((line) => /^\s+at .+(\(|:\d+)/.test(line));
}

/** Runs SQL statements on a scratch database (on PGlite only while no server holds it); the rows of each. */
export async function runSql(database: ScratchDatabase, statements: string[]): Promise<Record<string, unknown>[][]> {
	const handle = await openDatabase(database.target);
	try {
		const results: Record<string, unknown>[][] = [];
		for (const statement of statements) {
			const result = (await handle.db.execute(sql.raw(statement))) as unknown as Record<string, unknown>[] | { rows: Record<string, unknown>[] };
			results.push(Array.isArray(result) ? [...result] : result.rows);
		}
		return results;
	} finally {
		await handle.close();
	}
}

/** A small file system of its own (tmpfs), where the machine allows mounting one (root in a container may). */
export interface SmallDisk {
	dir: string;
	/** Fills every free byte with a file of its own, as a disk that ran full. */
	fill(): void;
	/** Removes that file again. */
	free(): void;
	unmount(): void;
}

export function mountSmallDisk(megabytes: number, label: string): SmallDisk | null {
	const dir = mkdtempSync(join(tmpdir(), `leerkompas-${label}-`));
	try {
		execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m,mode=0755`, 'tmpfs', dir], { stdio: 'pipe' });
	} catch {
		rmSync(dir, { recursive: true, force: true });
		return null;
	}
	const filler = join(dir, 'filler');
	return {
		dir,
		fill() {
			const fd = openSync(filler, 'a');
			try {
				// Big blocks first, then ever smaller ones, until not one more byte fits.
				for (const block of [1 << 20, 1 << 16, 1 << 12, 1 << 9, 1]) {
					const bytes = Buffer.alloc(block, 1);
					for (;;) {
						try {
							writeSync(fd, bytes);
						} catch (e) {
							if ((e as NodeJS.ErrnoException).code === 'ENOSPC') break;
							throw e;
						}
					}
				}
			} finally {
				closeSync(fd);
			}
			if (statfsSync(dir).bavail !== 0) throw new Error(`${dir} still has room after filling it`);
		},
		free: () => rmSync(filler, { force: true }),
		unmount() {
			execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

/** A cookie-keeping client, like a browser without JavaScript: form posts, no redirects followed. */
export class Browser {
	readonly cookies = new Map<string, string>();
	constructor(readonly baseUrl: string) {}

	private remember(res: Response) {
		for (const line of res.headers.getSetCookie()) {
			const [pair] = line.split(';');
			const eq = pair!.indexOf('=');
			const name = pair!.slice(0, eq).trim();
			const value = pair!.slice(eq + 1).trim();
			if (/max-age=0/i.test(line) || value === '') this.cookies.delete(name);
			else this.cookies.set(name, value);
		}
	}

	private cookieHeader() {
		return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
	}

	async get(path: string): Promise<Response> {
		const res = await fetch(this.baseUrl + path, { redirect: 'manual', headers: { cookie: this.cookieHeader() } });
		this.remember(res);
		return res;
	}

	async post(path: string, body: URLSearchParams | Record<string, string>): Promise<Response> {
		const res = await fetch(this.baseUrl + path, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				cookie: this.cookieHeader(),
				origin: this.baseUrl,
				'content-type': 'application/x-www-form-urlencoded',
				accept: 'text/html'
			},
			body: body instanceof URLSearchParams ? body.toString() : new URLSearchParams(body).toString()
		});
		this.remember(res);
		return res;
	}
}

/** Signs up an owner, creates a firm and `rounds` open link rounds through the web forms; returns the survey paths. */
export async function ownerWithRounds(
	baseUrl: string,
	rounds: number,
	label = 'crash',
	dataDir?: string
): Promise<{ owner: Browser; slug: string; rounds: { id: string; survey: string }[] }> {
	const owner = new Browser(baseUrl);
	const email = `${label}-${randomBytes(4).toString('hex')}@example.nl`;
	const signUp = await owner.post('/signup', { name: 'Olga Eigenaar', email, password: 'een lang wachtwoord' });
	if (signUp.status !== 303) throw new Error(`sign-up failed: ${signUp.status} ${await signUp.text()}`);
	// A build that proves addresses signs in only through the link in the mail (an older one at once).
	if ((await owner.get('/firms')).status !== 200) {
		if (!dataDir) throw new Error('sign-up needs the link from the mail: pass the server data folder to ownerWithRounds');
		const link = await linkFromMail(email, /verify-email/, { dataDir });
		let res = await owner.get(pathOf(link));
		for (let hops = 0; hops < 5 && res.status >= 300 && res.status < 400; hops++) res = await owner.get(pathOf(new URL(res.headers.get('location') ?? '/', baseUrl).href));
		if ((await owner.get('/firms')).status !== 200) throw new Error(`the verification link did not sign ${email} in`);
	}
	const firm = await owner.post('/firms/new', { name: `Bouwbedrijf ${label}`, sector: 'bouw', province: 'groningen', employees: '200' });
	const location = firm.headers.get('location') ?? '';
	if (firm.status !== 303 || !location.startsWith('/firms/')) throw new Error(`creating the firm failed: ${firm.status} ${await firm.text()}`);
	const slug = location.slice('/firms/'.length);
	const made: { id: string; survey: string }[] = [];
	for (let i = 0; i < rounds; i++) {
		const res = await owner.post(`/firms/${slug}/rounds/new`, {
			name: `Ronde ${i + 1}`,
			opensOn: '',
			closesOn: '',
			invited: '200',
			teams: '',
			inviteMode: 'link',
			cards: '',
			openAnswersVerbatim: 'on'
		});
		const id = (res.headers.get('location') ?? '').match(/\/rounds\/([0-9a-f-]{36})$/)?.[1];
		if (res.status !== 303 || !id) throw new Error(`creating a round failed: ${res.status} ${await res.text()}`);
		const page = await (await owner.get(`/firms/${slug}/rounds/${id}`)).text();
		const survey = page.match(/href="https?:\/\/[^"/]+(\/s\/[A-Za-z0-9_-]{43})"/)?.[1];
		if (!survey) throw new Error('the round page shows no survey link');
		made.push({ id, survey });
	}
	return { owner, slug, rounds: made };
}

/**
 * The responses the server reports as stored for `rounds`, from the owner's data archive. The archive (like
 * the round pages) counts a round's responses only once it is closed: while it is open, a count would move
 * with one person (issue 10). So this first closes the rounds through the owner's close form, as the owner
 * would once everyone answered: call it only when no one will send to these rounds any more. A round closed
 * before (by an earlier call on the same data) stays closed. Summed over the firm's rounds with these ids' names.
 */
export async function countedAfterClosing(owner: Browser, slug: string, rounds: { id: string }[]): Promise<number> {
	const names = new Set<string>();
	for (const round of rounds) {
		const page = await (await owner.get(`/firms/${slug}/rounds/${round.id}`)).text();
		const name = page.match(/<h1>([^<]+?) </)?.[1];
		if (!name) throw new Error(`the round page shows no name: ${page.slice(0, 2000)}`);
		names.add(name);
		// 303: closed now; 409: it was closed already.
		const closed = await owner.post(`/firms/${slug}/rounds/${round.id}/close`, {});
		if (closed.status !== 303 && closed.status !== 409) throw new Error(`closing the round failed: ${closed.status} ${await closed.text()}`);
	}
	const res = await owner.get(`/firms/${slug}/data/archive`);
	if (res.status !== 200) throw new Error(`the firm archive did not come (${res.status})`);
	const archive = JSON.parse(await res.text()) as { rounds: { name: string; status: string; responses: { employee: number } | null }[] };
	const ours = archive.rounds.filter((r) => names.has(r.name));
	const uncounted = ours.filter((r) => r.responses === null).map((r) => `${r.name} (${r.status})`);
	if (uncounted.length > 0) throw new Error(`the archive counts no responses of ${uncounted.join(', ')}`);
	return ours.reduce((sum, r) => sum + r.responses!.employee, 0);
}

/** Every screen of the questionnaire with an answer to every question; `marker` goes into the first open answer. */
export function completeAnswers(marker: string, seed = 0): { step: string; fields: Record<string, string> }[] {
	const scale = (n: number) => String(((seed + n) % 5) + 1);
	const aspect = (id: string, items: number) => ({
		step: id,
		fields: Object.fromEntries(Array.from({ length: items }, (_, i) => [`${id}_${i + 1}`, scale(i)]))
	});
	return [
		aspect('werk', 5),
		aspect('ruimte', 6),
		aspect('samen', 5),
		aspect('leiding', 5),
		aspect('organisatie', 5),
		aspect('buitenwereld', 5),
		{ step: 'background', fields: { age: '25_34', work_type: 'hands_on', tenure: '1_5' } },
		{ step: 'learning', fields: { learn_formal: 'no', learn_nonformal: 'yes', learn_informal: 'yes', learn_need: scale(1), learn_intention: scale(2), barriers: 'no_time' } },
		{ step: 'open', fields: { open_strength: marker, open_improve: 'Meer tijd om van elkaar te leren.' } }
	];
}

/** `unavailable`: the server answered 503 (database out of reach or full); `run()` again resumes where it stopped. */
export type RespondentState = 'waiting' | 'answering' | 'sending' | 'thanked' | 'refused' | 'unavailable';

/**
 * One respondent: posts each screen (Post/Redirect/Get, the redirect itself not followed), then sends with
 * the submission key the summary page's hidden field carries. `resume` picks up after a failed request:
 * the screen that failed is posted again, a send that failed is sent again with the same key.
 */
export class Respondent {
	readonly browser: Browser;
	state: RespondentState = 'waiting';
	/** Index of the next screen to post. */
	next = 0;
	lastStatus = 0;
	/** The last network error, for the test's message. */
	lastError = '';
	/** The page of the last answer that was not a redirect (a refusal or a 503), for the test to read. */
	lastPage = '';
	/** Every status the server answered this respondent with, in order. */
	readonly statuses: number[] = [];
	private readonly screens: ReturnType<typeof completeAnswers>;

	constructor(
		baseUrl: string,
		readonly survey: string,
		readonly marker: string,
		seed = 0
	) {
		this.browser = new Browser(baseUrl);
		this.screens = completeAnswers(marker, seed);
	}

	/**
	 * Runs to the end; a network error (the server died) leaves the state where it was and rethrows. A 503 stops
	 * the respondent as `unavailable`; `run()` again posts the screen or the send that got it, as a person would.
	 */
	async run(): Promise<void> {
		this.state = this.next < this.screens.length ? 'answering' : 'sending';
		while (this.next < this.screens.length) {
			const screen = this.screens[this.next]!;
			const res = await this.browser.post(`${this.survey}/q/${screen.step}`, { ...screen.fields, go: 'next' });
			if (!(await this.took(res))) return;
			this.next++;
		}
		this.state = 'sending';
		const draftKey = this.browser.cookies.get('lk_draft');
		const res = await this.browser.post(`${this.survey}/summary`, draftKey ? { submissionKey: submissionKeyFor(draftKey) } : {});
		if (!(await this.took(res))) return;
		this.state = res.headers.get('location') === `${this.survey}/thanks` ? 'thanked' : 'refused';
	}

	/** Whether the server took the post (a redirect); otherwise the state says why not. */
	private async took(res: Response): Promise<boolean> {
		this.lastStatus = res.status;
		this.statuses.push(res.status);
		if (res.status === 303) {
			await res.arrayBuffer();
			return true;
		}
		this.lastPage = await res.text();
		this.state = res.status === 503 ? 'unavailable' : 'refused';
		return false;
	}

	/** The key posted with the send, kept so a resend after a crash posts the very same form. */
	submissionKey(): string | null {
		const draftKey = this.browser.cookies.get('lk_draft');
		return draftKey ? submissionKeyFor(draftKey) : null;
	}
}

/**
 * Every simulated respondent comes from this machine's one address, so the per-address limit of an open
 * link (50 complete responses an hour) would refuse most of them; these tests are about faults, not that limit.
 */
export const ONE_ADDRESS_FOR_ALL = { LEERKOMPAS_RESPONSES_PER_ADDRESS_PER_HOUR: '1000000' } as const;
