// Hostile input, generated with fast-check: random and hostile bodies to the survey screens and the send, the
// sign-up and sign-in forms, the firm and round forms and the import upload. Wrong types, huge and odd numbers,
// unknown and repeated fields, deep nesting, invalid UTF-8, markup and SQL fragments, bodies of 1 MB. Every post
// gets a page or a redirect, never a 5xx; markup never comes back unescaped; and nothing is stored from a post
// that was refused: the database holds exactly the responses that were thanked for. The owner sees no live
// count (it would move with one person), so this file has a server of its own and looks in its database.
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { eq } from 'drizzle-orm';
import { HttpSession } from '../support/http-client';
import { useSeededServer } from '../support/seeded-server';
import { scanResponse } from '../../../src/lib/server/db/schema';
import { makeSignInUser } from '../../helpers/scan-factories';
import { Browser } from '../../faults/support';

const OWNER = { email: 'hanna@example.nl', password: 'een lang wachtwoord' };
// An owner whose address is proven already: this server's outbox is its own.
const server = useSeededServer((db) => makeSignInUser(db, OWNER.email, OWNER.password, 'Hanna Hostiel'));
let baseUrl: string;
const RUNS = 60;

let owner: Browser;
let firm: string;
let stepSurvey: string, sendSurvey: string, sendRoundId: string, onePageSurvey: string, onePageRoundId: string;

const INJECTED = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '<svg onload=alert(1)>', "javascript:alert('x')"];
// Svelte escapes < (and & and ") in text; > may stay as it is, which is harmless.
const ESCAPED = /&lt;script(&gt;|>)alert\(1\)&lt;\/script/;
const RAW_MARKUP = [/<script>alert\(1\)/i, /<img src=x onerror/i, /<svg onload/i];

const hostileText = fc.oneof(
	fc.string({ maxLength: 40 }),
	fc.string({ unit: 'binary', maxLength: 40 }),
	fc.constantFrom(
		...INJECTED,
		"' OR '1'='1",
		"'; DROP TABLE scan_response; --",
		'1; SELECT pg_sleep(10)',
		'\u0000',
		'%00%ff',
		'\uFEFF\u202E\uD800',
		'../../etc/passwd',
		'{"__proto__":{"polluted":true}}',
		'NaN',
		'Infinity',
		'-0',
		'1e309',
		'99999999999999999999999',
		'0x1F',
		'4.5',
		' 4 ',
		'[]',
		'true',
		''
	),
	fc.integer().map(String),
	fc.double().map(String),
	fc.string({ minLength: 2000, maxLength: 30_000 })
);

/** A form: known field names and random ones, each once or repeated, with hostile values. */
function formFields(known: string[]) {
	const name = fc.oneof(fc.constantFrom(...known), fc.string({ maxLength: 20 }), fc.constantFrom('__proto__', 'constructor', 'a[b][c][d][e][f]', 'go', 'submissionKey'));
	return fc.array(fc.tuple(name, hostileText), { maxLength: 24 });
}

type Body = { contentType: string; body: string | Uint8Array };

function urlencoded(pairs: [string, string][]): Body {
	const params = new URLSearchParams();
	for (const [k, v] of pairs) params.append(k, v);
	return { contentType: 'application/x-www-form-urlencoded', body: params.toString() };
}

const deepJson = fc.integer({ min: 1, max: 5000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth));

/** Any body: a hostile form, invalid UTF-8, JSON (deeply nested), a broken multipart, or 1 MB. */
function hostileBody(known: string[]): fc.Arbitrary<Body> {
	return fc.oneof(
		{ weight: 5, arbitrary: formFields(known).map(urlencoded) },
		{ weight: 1, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 4000 }).map((body) => ({ contentType: 'application/x-www-form-urlencoded', body })) },
		{ weight: 1, arbitrary: formFields(known).map((pairs) => ({ contentType: 'application/x-www-form-urlencoded', body: withInvalidUtf8(urlencoded(pairs).body as string) })) },
		{ weight: 1, arbitrary: deepJson.map((body) => ({ contentType: 'application/json', body })) },
		{ weight: 1, arbitrary: fc.string().map((s) => ({ contentType: 'multipart/form-data; boundary=xyz', body: `--xyz\r\nContent-Disposition: form-data; name="${s}"\r\n\r\n${s}` })) },
		{ weight: 1, arbitrary: fc.constantFrom('text/plain', 'application/xml', '', 'application/x-www-form-urlencoded; charset=utf-16').map((contentType) => ({ contentType, body: 'name=<script>alert(1)</script>&employees=12' })) },
		{ weight: 1, arbitrary: fc.constantFrom(known[0] ?? 'x').map((field) => ({ contentType: 'application/x-www-form-urlencoded', body: `${encodeURIComponent(field)}=${'x'.repeat(1024 * 1024)}` })) }
	);
}

function withInvalidUtf8(text: string): Uint8Array {
	const bytes = new TextEncoder().encode(text);
	const out = new Uint8Array(bytes.length + 6);
	out.set(bytes);
	out.set([0x26, 0x61, 0x3d, 0xc3, 0x28, 0xff], bytes.length); // "&a=" then bytes that are no UTF-8
	return out;
}

async function send(path: string, { contentType, body }: Body, cookie = ''): Promise<{ status: number; text: string; location: string | null }> {
	const headers: Record<string, string> = { origin: baseUrl, accept: 'text/html', cookie };
	if (contentType) headers['content-type'] = contentType;
	const res = await fetch(baseUrl + path, { method: 'POST', redirect: 'manual', headers, body: typeof body === 'string' ? body : new Uint8Array(body) });
	return { status: res.status, text: await res.text(), location: res.headers.get('location') };
}

function expectRefusedOrAccepted(result: { status: number; text: string }, label: string) {
	expect(result.status, `${label}: ${result.text.slice(0, 300)}`).toBeLessThan(500);
	for (const raw of RAW_MARKUP) expect(result.text, label).not.toMatch(raw);
}

const cookieOf = (browser: Browser) => [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ');

/** Responses thanked for per round, checked against the database at the end (see the last test). */
const thankedFor = new Map<string, number>();
async function firmCount(): Promise<number> {
	const page = await (await owner.get('/firms')).text();
	return new Set(page.match(/href="\/firms\/(?!new")[^"/]+"/g) ?? []).size;
}

async function roundCount(): Promise<number> {
	const page = await (await owner.get(`/firms/${firm}`)).text();
	return new Set(page.match(/\/rounds\/[0-9a-f-]{36}"/g) ?? []).size;
}

async function newRound(name: string): Promise<{ id: string; survey: string }> {
	const res = await owner.post(`/firms/${firm}/rounds/new`, { name, opensOn: '', closesOn: '', invited: '20', teams: '', inviteMode: 'link', cards: '', openAnswersVerbatim: 'on' });
	const id = (res.headers.get('location') ?? '').match(/\/rounds\/([0-9a-f-]{36})$/)?.[1];
	if (res.status !== 303 || !id) throw new Error(`creating a round failed: ${res.status}`);
	const page = await (await owner.get(`/firms/${firm}/rounds/${id}`)).text();
	const survey = page.match(/href="https?:\/\/[^"/]+(\/s\/[A-Za-z0-9_-]{43})"/)?.[1];
	if (!survey) throw new Error('no survey link on the round page');
	return { id, survey };
}

const STEP_FIELDS = ['werk_1', 'werk_2', 'age', 'team', 'learn_need', 'barriers', 'open_strength', 'open_improve', 'go'];
const STEPS = ['werk', 'ruimte', 'background', 'learning', 'open', 'nope', '..', '%00'];

beforeAll(async () => {
	baseUrl = server.baseUrl;
	owner = new Browser(baseUrl);
	expect((await owner.post('/login?/password', { ...OWNER, returnTo: '/firms' })).status).toBe(303);
	const created = await owner.post('/firms/new', { name: 'Metaalbedrijf Hostiel', sector: 'bouw', province: 'groningen', employees: '20' });
	expect(created.status).toBe(303);
	firm = (created.headers.get('location') ?? '').slice('/firms/'.length);
	stepSurvey = (await newRound('Stappen')).survey;
	const sendRound = await newRound('Versturen');
	sendSurvey = sendRound.survey;
	sendRoundId = sendRound.id;
	const onePageRound = await newRound('Eén pagina');
	onePageSurvey = onePageRound.survey;
	onePageRoundId = onePageRound.id;
});

describe('the survey', () => {
	it('answers any body on any screen with a page or a redirect, never a 5xx', async () => {
		await fc.assert(
			fc.asyncProperty(fc.constantFrom(...STEPS), hostileBody(STEP_FIELDS), fc.boolean(), async (step, body, withDraft) => {
				const cookie = withDraft ? 'lk_draft=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' : '';
				expectRefusedOrAccepted(await send(`${stepSurvey}/q/${encodeURIComponent(step)}`, body, cookie), `step ${step}`);
			}),
			{ numRuns: RUNS }
		);
	});

	it('stores nothing from a send without a draft, whatever the body and cookies', async () => {
		thankedFor.set(sendRoundId, 0);
		const cookie = fc.oneof(fc.constant(''), fc.string({ maxLength: 60 }).map((v) => `lk_draft=${encodeURIComponent(v)}; lk_card=${encodeURIComponent(v)}`));
		await fc.assert(
			fc.asyncProperty(hostileBody(['submissionKey']), cookie, async (body, c) => {
				const result = await send(`${sendSurvey}/summary`, body, c);
				expectRefusedOrAccepted(result, 'send');
				expect(result.location ?? '').not.toMatch(/\/thanks$/);
			}),
			{ numRuns: RUNS }
		);
	});

	it('stores from the one-page form exactly what it thanks for, whatever the body', async () => {
		let thanked = 0;
		const fields = [...STEP_FIELDS.filter((f) => f !== 'go'), 'ruimte_3', 'learn_formal', 'buitenwereld_5'];
		const post = async (body: Body) => {
			const result = await send(`${onePageSurvey}/all`, body);
			expectRefusedOrAccepted(result, 'one page');
			if (result.location?.endsWith('/thanks')) thanked++;
		};
		// A well-formed key half the time, so that posts which pass every check are among them.
		const withKey = fc.tuple(formFields(fields), fc.boolean()).map(([pairs, key]) =>
			urlencoded(key ? [...pairs, ['submissionKey', randomBytes(32).toString('base64url')]] : pairs)
		);
		await fc.assert(fc.asyncProperty(fc.oneof(withKey, hostileBody(fields)), post), { numRuns: RUNS });
		thankedFor.set(onePageRoundId, thanked);
	});

	it('shows an open answer with markup escaped, on the screen again and on the summary', async () => {
		const respondent = new HttpSession(baseUrl);
		const markup = '<script>alert(1)</script><img src=x onerror=alert(1)> & "quoted"';
		expect((await respondent.post(`${stepSurvey}/q/werk`, { werk_1: '4', go: 'next' })).status).toBe(303);
		expect((await respondent.post(`${stepSurvey}/q/open`, { open_strength: markup, go: 'next' })).status).toBe(303);
		for (const path of [`${stepSurvey}/q/open`, `${stepSurvey}/summary`]) {
			const page = await (await respondent.get(path)).text();
			for (const raw of RAW_MARKUP) expect(page, path).not.toMatch(raw);
			if (path.endsWith('/q/open')) expect(page).toMatch(ESCAPED);
		}
		// refused because too long: the page comes back with the text kept, still escaped
		const refused = await respondent.post(`${stepSurvey}/q/open`, { open_strength: markup + 'x'.repeat(3000), go: 'next' });
		expect(refused.status).toBe(400);
		const page = await refused.text();
		for (const raw of RAW_MARKUP) expect(page).not.toMatch(raw);
		expect(page).toMatch(ESCAPED);
	});
});

describe('the account forms', () => {
	it('answer any sign-up body with a page or a redirect, never a 5xx', async () => {
		await fc.assert(
			fc.asyncProperty(hostileBody(['name', 'email', 'password', 'passwordRepeat']), async (body) => {
				expectRefusedOrAccepted(await send('/signup', body), 'sign-up');
			}),
			{ numRuns: RUNS }
		);
	});

	it('answer any sign-in body with a page, never a 5xx, and never let anybody in', async () => {
		await fc.assert(
			fc.asyncProperty(fc.constantFrom('/login?/password', '/login?/magic'), hostileBody(['email', 'password', 'returnTo']), async (path, body) => {
				const result = await send(path, body);
				expectRefusedOrAccepted(result, path);
				if (path.endsWith('password')) expect(result.status).not.toBe(303);
			}),
			{ numRuns: RUNS }
		);
	});
});

describe("the owner's forms", () => {
	it('create a firm only from a post that was accepted', async () => {
		const before = await firmCount();
		expect(before).toBeGreaterThanOrEqual(1);
		let accepted = 0;
		await fc.assert(
			fc.asyncProperty(hostileBody(['name', 'sector', 'province', 'employees']), async (body) => {
				const result = await send('/firms/new', body, cookieOf(owner));
				expectRefusedOrAccepted(result, 'new firm');
				if (result.status === 303 && result.location?.startsWith('/firms/')) accepted++;
			}),
			{ numRuns: RUNS }
		);
		expect(await firmCount()).toBe(before + accepted);
	});

	it('create a round only from a post that was accepted', async () => {
		const before = await roundCount();
		expect(before).toBeGreaterThanOrEqual(2);
		let accepted = 0;
		await fc.assert(
			fc.asyncProperty(hostileBody(['name', 'opensOn', 'closesOn', 'invited', 'teams', 'inviteMode', 'cards', 'openAnswersVerbatim']), async (body) => {
				const result = await send(`/firms/${firm}/rounds/new`, body, cookieOf(owner));
				expectRefusedOrAccepted(result, 'new round');
				if (result.status === 303 && /\/rounds\/[0-9a-f-]{36}$/.test(result.location ?? '')) accepted++;
			}),
			{ numRuns: RUNS }
		);
		expect(await roundCount()).toBe(before + accepted);
	});

	it('import nothing from a hostile upload', async () => {
		const before = await roundCount();
		const header = fc.constantFrom('perspective,werk_1,open_strength', 'perspective;age', '\uFEFFperspective', '', 'a,b,c');
		const cell = fc.oneof(hostileText.map((t) => t.slice(0, 200)), fc.constantFrom('employee', 'owner', '4', '9'));
		const csv = fc.tuple(header, fc.array(fc.array(cell, { maxLength: 4 }), { maxLength: 4 })).map(([h, rows]) => [h, ...rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(','))].join('\n'));
		const upload = fc.oneof(
			fc.tuple(hostileText, csv).map(([round, content]) => multipart(round.slice(0, 300), content)),
			fc.uint8Array({ maxLength: 3000 }).map((bytes) => multipart('Bytes', Buffer.from(bytes).toString('latin1'))),
			hostileBody(['round', 'file'])
		);
		let accepted = 0;
		await fc.assert(
			fc.asyncProperty(upload, async (body) => {
				const result = await send(`/firms/${firm}/rounds/import`, body, cookieOf(owner));
				expectRefusedOrAccepted(result, 'import');
				if (result.status === 200 && /antwoorden ingelezen|answers imported/i.test(result.text)) accepted++;
			}),
			{ numRuns: RUNS }
		);
		expect(await roundCount()).toBe(before + accepted);
	});
});

function multipart(round: string, content: string): Body {
	const boundary = '----leerkompasHostile';
	return {
		contentType: `multipart/form-data; boundary=${boundary}`,
		body: [
			`--${boundary}\r\nContent-Disposition: form-data; name="round"\r\n\r\n${round}\r\n`,
			`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="scan.csv"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n`,
			`--${boundary}--\r\n`
		].join('')
	};
}

// Last: on the embedded database, looking inside stops the server.
describe('what was stored', () => {
	it('is exactly the responses the survey thanked for, and nothing from a refused post', async () => {
		expect([...thankedFor.keys()]).toEqual([sendRoundId, onePageRoundId]);
		const stored = await server.inspect(async (db) =>
			Promise.all([...thankedFor.keys()].map(async (id) => (await db.select({ id: scanResponse.id }).from(scanResponse).where(eq(scanResponse.roundId, id))).length))
		);
		expect(stored).toEqual([...thankedFor.values()]);
	});
});
