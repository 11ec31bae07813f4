// The survey over plain HTTP, as a phone without JavaScript uses it: every page, every bad input, every
// state of a round, and what ends up in the database. The server is this file's own (see seeded-server.ts),
// started on a database with rounds made beforehand, so the last test can open that database and look.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useSeededServer } from '../support/seeded-server';
import { pageHtml, surveyPath as path } from '../support/survey';
import { makeFirm } from '../../helpers/factories';
import { dayFromToday, makeCards, makeRound, makeSignInUser } from '../../helpers/scan-factories';
import { roundCard, scanResponse, submissionReceipt, surveyDraft } from '../../../src/lib/server/db/schema';
import type { Database } from '../../../src/lib/server/db/client';

async function seed(db: Database) {
	const owner = await makeSignInUser(db, 'olga@example.nl', 'koffie en een stroopwafel', 'Olga Eigenaar');
	const stranger = await makeSignInUser(db, 'sam@example.nl', 'thee met een koekje erbij', 'Sam Buiten');
	const firm = await makeFirm(db, { ownerId: owner.id, name: 'Bakkerij De Korenaar' });
	const round = (o: Parameters<typeof makeRound>[2] = {}) => makeRound(db, firm.id, o);
	const open = await round({ teams: ['Bakkerij', 'Winkel'], openAnswersVerbatim: true, threshold: 4 });
	const plain = await round({ openAnswersVerbatim: false });
	const paused = await round({ status: 'paused' });
	const closed = await round({ status: 'closed' });
	const ended = await round({ opensOn: dayFromToday(-30), closesOn: dayFromToday(-3) });
	const later = await round({ opensOn: dayFromToday(5), closesOn: dayFromToday(20) });
	const cards = await round({ inviteMode: 'cards' });
	const [card, spare, used] = await makeCards(db, cards.id, 3);
	await db.update(roundCard).set({ usedOn: dayFromToday(-1) }).where(eq(roundCard.code, used!));
	return { owner, stranger, firm, open, plain, paused, closed, ended, later, cards, card: card!, spare: spare!, used: used! };
}

const server = useSeededServer(seed);
const s = server.seeded;
const respondent = () => server.session();

const werkAnswers = { werk_1: '4', werk_2: '5', werk_3: '9', werk_4: '2', werk_5: '3' };

// Also with & as written: these pages' assertions quote text with an ampersand in it.
const html = async (res: Response) => (await pageHtml(res)).replace(/&amp;/g, '&');

function expectNoScript(page: string) {
	expect(page).not.toMatch(/<script/i);
	expect(page).not.toMatch(/modulepreload/i);
}

describe('the intro page', () => {
	it('says what this is, how long, anonymous, k, what the owner sees and about open answers', async () => {
		const page = await html(await respondent().get(path(s.open)));
		expect(page).toContain('Hoe gaat leren bij Bakkerij De Korenaar?');
		expect(page).toContain('ongeveer 10 minuten');
		expect(page).toContain('Je antwoorden zijn anoniem');
		expect(page).toContain("pas als minstens 4 collega's de vragenlijst hebben ingevuld");
		expect(page).toContain('nooit de antwoorden van één persoon');
		expect(page).toContain('Wat ziet de eigenaar?');
		expect(page).toContain('kan die antwoorden letterlijk lezen');
		expect(page).toContain(`href="${path(s.open, '/q/werk')}"`);
		expectNoScript(page);
		const plain = await html(await respondent().get(path(s.plain)));
		expect(plain).toContain('krijgt die antwoorden niet letterlijk te zien');
		expect(plain).toContain("minstens 5 collega's");
	});

	it('switches to English with a plain form post and back to the same page', async () => {
		const session = respondent();
		const res = await session.post('/language', { locale: 'en', returnTo: path(s.open) });
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe(path(s.open));
		const page = await html(await session.get(path(s.open)));
		expect(page).toContain('How does learning work at Bakkerij De Korenaar?');
		expect(page).toContain('only when at least 4 colleagues');
		expect(page).toMatch(/<html lang="en"/);
		const step = await html(await session.get(path(s.open, '/q/werk')));
		expect(step).toContain('My work includes different kinds of tasks.');
		expect(step).toContain('Step 1 of 9');
	});
});

describe('answering', () => {
	it('keeps the answers in a draft under a cookie for this round only, forward and back', async () => {
		const session = respondent();
		const first = await session.post(path(s.open, '/q/werk'), { ...werkAnswers, go: 'next' });
		expect(first.status).toBe(303);
		expect(first.headers.get('location')).toBe(path(s.open, '/q/ruimte'));
		const cookie = first.headers.getSetCookie().find((c) => c.startsWith('lk_draft='));
		expect(cookie).toMatch(new RegExp(`Path=${path(s.open).replace(/[-/]/g, '\\$&')}(;|$)`));
		expect(cookie).toMatch(/HttpOnly/i);
		expect(cookie).toMatch(/SameSite=Lax/i);

		const second = await html(await session.get(path(s.open, '/q/ruimte')));
		expect(second).toContain('Stap 2 van 9');
		expectNoScript(second);
		const back = await session.post(path(s.open, '/q/ruimte'), { ruimte_1: '1', go: 'back' });
		expect(back.headers.get('location')).toBe(path(s.open, '/q/werk'));
		const again = await html(await session.get(path(s.open, '/q/werk')));
		expect(again).toMatch(/name="werk_1" value="4" checked/);
		expect(again).toMatch(/name="werk_3" value="9" checked/);
		const ruimte = await html(await session.get(path(s.open, '/q/ruimte')));
		expect(ruimte).toMatch(/name="ruimte_1" value="1" checked/);
		// another browser sees none of it
		expect(await html(await respondent().get(path(s.open, '/q/werk')))).not.toMatch(/checked/);
	});

	it('shows every screen with a fieldset and legend per question and no script', async () => {
		const session = respondent();
		for (const [step, n] of [['werk', 1], ['buitenwereld', 6], ['background', 7], ['learning', 8], ['open', 9]] as const) {
			const page = await html(await session.get(path(s.open, `/q/${step}`)));
			expect(page).toContain(`Stap ${n} van 9`);
			expectNoScript(page);
			if (step !== 'open') expect((page.match(/<fieldset/g) ?? []).length).toBe((page.match(/<legend/g) ?? []).length);
		}
		const background = await html(await session.get(path(s.open, '/q/background')));
		expect(background).toContain('value="Bakkerij"');
		expect(background).toContain('value="Winkel"');
		expect(await html(await session.get(path(s.plain, '/q/background')))).not.toContain('In welk team werk je?');
	});

	it('lists skipped statements with links back, then sends once and shows the same thanks after', async () => {
		const session = respondent();
		await session.post(path(s.open, '/q/werk'), { ...werkAnswers, go: 'next' });
		await session.post(path(s.open, '/q/background'), { age: '25_34', team: 'Winkel', go: 'next' });
		await session.post(path(s.open, '/q/learning'), { learn_formal: 'no', learn_need: '4', barriers: 'no_time', go: 'next' });
		const last = await session.post(path(s.open, '/q/open'), { open_strength: 'We leren van elkaar.', go: 'next' });
		expect(last.headers.get('location')).toBe(path(s.open, '/summary'));
		const summary = await html(await session.get(path(s.open, '/summary')));
		expectNoScript(summary);
		expect(summary).toContain(`href="${path(s.open, '/q/ruimte?from=summary#ruimte_1')}"`);
		expect(summary).not.toContain('#werk_1"');
		const key = summary.match(/name="submissionKey" value="([A-Za-z0-9_-]{43})"/)?.[1];
		expect(key).toBeDefined();

		const sent = await session.post(path(s.open, '/summary'), { submissionKey: key! });
		expect(sent.status).toBe(303);
		expect(sent.headers.get('location')).toBe(path(s.open, '/thanks'));
		// the draft cookie is gone, and the same form posted again stores nothing and shows the same thanks
		expect(sent.headers.getSetCookie().some((c) => c.startsWith('lk_draft=;') || /lk_draft=.*Max-Age=0/i.test(c))).toBe(true);
		const twice = await session.post(path(s.open, '/summary'), { submissionKey: key! });
		expect(twice.status).toBe(303);
		expect(twice.headers.get('location')).toBe(path(s.open, '/thanks'));
		const thanks = await html(await session.get(path(s.open, '/thanks')));
		expect(thanks).toContain('Bedankt voor het meedoen!');
		expectNoScript(thanks);
		expect(await html(await session.get(path(s.open)))).toContain('Vanaf dit toestel zijn al antwoorden verstuurd');
	});

	it('refuses to send without an opinion on any statement, and without a draft', async () => {
		const session = respondent();
		await session.post(path(s.plain, '/q/werk'), { werk_1: '9', go: 'next' });
		const summary = await html(await session.get(path(s.plain, '/summary')));
		const key = summary.match(/name="submissionKey" value="([^"]+)"/)![1]!;
		const res = await session.post(path(s.plain, '/summary'), { submissionKey: key });
		expect(res.status).toBe(400);
		expect(await html(res)).toContain('Je hebt nog bij geen enkele zin je mening gegeven');
		const stranger = await respondent().post(path(s.plain, '/summary'), { submissionKey: 'x'.repeat(43) });
		expect(stranger.status).toBe(409);
		expect(await html(stranger)).toContain('Op dit toestel staan geen antwoorden');
	});
});

describe('bad input gets a clear message, never a 500, and loses nothing', () => {
	async function postBad(fields: Record<string, string>, step = 'werk') {
		const session = respondent();
		await session.post(path(s.open, '/q/werk'), { werk_1: '2', go: 'next' });
		const res = await session.post(path(s.open, `/q/${step}`), fields);
		const page = await html(res);
		const kept = await html(await session.get(path(s.open, '/q/werk')));
		return { status: res.status, page, kept };
	}

	it('a value out of range', async () => {
		const { status, page, kept } = await postBad({ werk_1: '7', werk_2: '4' });
		expect(status).toBe(400);
		expect(page).toContain('Niet alles is goed ingevuld');
		expect(page).toContain('Kies een van de antwoorden die er staan.');
		expect(page).toMatch(/name="werk_2" value="4" checked/);
		expect(kept).toMatch(/name="werk_1" value="2" checked/);
	});

	it('an unknown item', async () => {
		const { status, page } = await postBad({ werk_1: '3', werk_77: '4' });
		expect(status).toBe(400);
		expect(page).toContain('een vraag die niet in deze vragenlijst staat');
	});

	it('an open answer over 2,000 characters, kept so it can be shortened', async () => {
		const long = `${'Wij leren veel. '.repeat(130)}`.trim();
		const { status, page } = await postBad({ open_strength: long }, 'open');
		expect(status).toBe(400);
		expect(page).toContain(`Dit antwoord is te lang: ${new Intl.NumberFormat('nl-NL').format(long.length)} tekens`);
		expect(page).toContain('hooguit 2.000 tekens');
		expect(page).toContain(long.slice(0, 200));
	});

	it('a team that is not on the list', async () => {
		const { status, page } = await postBad({ team: 'Directie' }, 'background');
		expect(status).toBe(400);
		expect(page).toContain('Kies een van de antwoorden die er staan.');
	});

	it('an unknown link, step or short code', async () => {
		for (const url of ['/s/dit-is-geen-bestaande-link-hoor', '/s/x', `${path(s.open)}/q/bestaat-niet`, '/r/ZZZZZZZZZZ', '/r/%27or1=1']) {
			const res = await respondent().get(url);
			expect(res.status, url).toBe(404);
			const page = await html(res);
			expectNoScript(page);
			if (!url.includes('/q/')) expect(page).toContain('Deze link werkt niet');
		}
	});
});

describe('a round that is not open', () => {
	it('says so on the intro page, offers no start and takes no answers', async () => {
		const cases = [
			[s.paused, 'staat even stil'],
			[s.closed, 'is gesloten'],
			[s.ended, 'is gesloten'],
			[s.later, 'nog niet begonnen']
		] as const;
		for (const [round, text] of cases) {
			const session = respondent();
			const intro = await html(await session.get(path(round)));
			expect(intro).toContain(text);
			expect(intro).not.toContain(`href="${path(round, '/q/werk')}"`);
			const step = await session.get(path(round, '/q/werk'));
			expect(step.status).toBe(303);
			expect(step.headers.get('location')).toBe(path(round));
			const post = await session.post(path(round, '/q/werk'), { werk_1: '4', go: 'next' });
			expect(post.status).toBe(409);
			expect(await html(post)).toContain('Je antwoorden op deze pagina zijn niet opgeslagen.');
		}
	});
});

describe('the short link and cards', () => {
	it('the short link leads to the survey, however it is typed', async () => {
		for (const code of [s.open.shortCode, s.open.shortCode.toLowerCase()]) {
			const res = await respondent().get(`/r/${code}`);
			expect(res.status).toBe(303);
			expect(res.headers.get('location')).toBe(path(s.open));
		}
	});

	it('a round with cards needs one; a used or unknown code says only that it does not work', async () => {
		const session = respondent();
		expect(await html(await session.get(path(s.cards)))).toContain('heb je een kaartje met een code nodig');
		expect((await session.get(path(s.cards, '/q/werk'))).headers.get('location')).toBe(path(s.cards));

		const entry = await html(await session.get('/k'));
		expectNoScript(entry);
		const answers: [number, string][] = [];
		for (const code of [s.used, 'QQQQQQQQQQ']) {
			const typed = await session.post('/k', { code });
			answers.push([typed.status, (await html(typed)).match(/<p class="field-error"[^>]*>([^<]*)</)?.[1] ?? '']);
			const scanned = await session.get(`/k/${code}`);
			answers.push([scanned.status, (await html(scanned)).match(/role="alert"><p>([^<]*)</)?.[1] ?? '']);
		}
		expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
		expect(answers[0]).toEqual([404, 'Deze code werkt niet (meer). Kijk of je de code goed hebt overgenomen. Werkt hij echt niet? Vraag dan een nieuw kaartje.']);
	});

	it('a card, typed or scanned, opens the survey; sending marks it used, after which it no longer works', async () => {
		const session = respondent();
		const typed = `${s.card.slice(0, 5).toLowerCase()}-${s.card.slice(5)}`;
		const res = await session.post('/k', { code: typed });
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe(path(s.cards));
		const cookie = res.headers.getSetCookie().find((c) => c.startsWith('lk_card='));
		expect(cookie).toMatch(/HttpOnly/i);
		expect(cookie).toContain(`Path=${path(s.cards)}`);
		await session.post(path(s.cards, '/q/werk'), { werk_1: '5', go: 'summary' });
		const summary = await html(await session.get(path(s.cards, '/summary')));
		const key = summary.match(/name="submissionKey" value="([^"]+)"/)![1]!;
		expect((await session.post(path(s.cards, '/summary'), { submissionKey: key })).headers.get('location')).toBe(path(s.cards, '/thanks'));
		const reuse = await respondent().get(`/k/${s.card}`);
		expect(reuse.status).toBe(404);
		expect(await html(reuse)).toContain('Deze code werkt niet (meer)');

		const scanned = await respondent().get(`/k/${s.spare}`);
		expect(scanned.status).toBe(303);
		expect(scanned.headers.get('location')).toBe(path(s.cards));
	});
});

describe("the owner's own questionnaire", () => {
	const ownerScan = () => `/firms/${s.firm.slug}/rounds/${s.open.id}/owner-scan`;
	async function signIn(email: string, password: string) {
		const session = respondent();
		const res = await session.post('/login?/password', { email, password, returnTo: '/firms' });
		expect(res.status).toBe(303);
		return session;
	}

	it('shows the owner wording, stores the answers and shows them again to replace them', async () => {
		const owner = await signIn(s.owner.email, s.owner.password);
		const page = await html(await owner.get(ownerScan()));
		expect(page).toContain('Mijn medewerkers doen in hun werk verschillende soorten taken.');
		expect(page).not.toContain('In mijn werk doe ik verschillende soorten taken.');
		expect(page).not.toContain('Hoe oud ben je?');
		const saved = await owner.post(ownerScan(), { werk_1: '5', werk_2: '4', open_improve: 'Meer tijd voor uitleg' });
		expect(saved.status).toBe(303);
		expect(saved.headers.get('location')).toBe(`${ownerScan()}?saved=1`);
		const again = await html(await owner.get(`${ownerScan()}?saved=1`));
		expect(again).toContain('Uw antwoorden zijn opgeslagen.');
		expect(again).toMatch(/name="werk_1" value="5" checked/);
		expect(again).toContain('Meer tijd voor uitleg');
		expect((await owner.post(ownerScan(), { werk_1: '2' })).status).toBe(303);
		expect(await html(await owner.get(ownerScan()))).toMatch(/name="werk_1" value="2" checked/);
		const bad = await owner.post(ownerScan(), { werk_1: '6', age: '25_34' });
		expect(bad.status).toBe(400);
		expect(await html(bad)).toContain('een vraag die niet in deze vragenlijst staat');
		// the round page counts one owner response
		expect(await html(await owner.get(`/firms/${s.firm.slug}/rounds/${s.open.id}`))).toMatch(/data-testid="owner-count">1</);
	});

	it('is closed to people outside the firm and to anyone not signed in', async () => {
		const stranger = await signIn(s.stranger.email, s.stranger.password);
		expect((await stranger.get(ownerScan())).status).toBe(404);
		expect((await stranger.post(ownerScan(), { werk_1: '1' })).status).toBe(404);
		const anonymous = await respondent().get(ownerScan());
		expect(anonymous.status).toBe(303);
		expect(anonymous.headers.get('location')).toContain('/login');
	});

	it('takes no changes once the round is closed', async () => {
		const owner = await signIn(s.owner.email, s.owner.password);
		const url = `/firms/${s.firm.slug}/rounds/${s.closed.id}/owner-scan`;
		expect(await html(await owner.get(url))).toContain('Deze ronde is gesloten.');
		const res = await owner.post(url, { werk_1: '4' });
		expect(res.status).toBe(409);
	});
});

describe('what the database holds afterwards', () => {
	it('one response per send with the values given, and nothing about the person', async () => {
		const result = await server.inspect(async (db) => ({
			open: await db.select().from(scanResponse).where(eq(scanResponse.roundId, s.open.id)),
			cards: await db.select().from(scanResponse).where(eq(scanResponse.roundId, s.cards.id)),
			plain: await db.select().from(scanResponse).where(eq(scanResponse.roundId, s.plain.id)),
			receipts: await db.select().from(submissionReceipt).where(eq(submissionReceipt.roundId, s.open.id)),
			cardRows: await db.select().from(roundCard).where(eq(roundCard.roundId, s.cards.id)),
			drafts: await db.select().from(surveyDraft)
		}));
		const employees = result.open.filter((r) => r.perspective === 'employee');
		expect(employees).toHaveLength(1);
		const [stored] = employees;
		expect(stored!.answers).toMatchObject({ werk_1: 4, werk_2: 5, werk_3: 9, werk_4: 2, werk_5: 3, ruimte_1: null });
		expect(stored!.background).toEqual({ age: '25_34', work_type: null, tenure: null, team: 'Winkel' });
		expect(stored!.learning).toEqual({ formal: false, nonFormal: null, informal: null, need: 4, intention: null, barriers: ['no_time'] });
		expect(stored!.open).toEqual({ open_strength: 'We leren van elkaar.', open_improve: null });
		expect(stored!.submittedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		expect(result.receipts).toHaveLength(1);
		expect(result.open.filter((r) => r.perspective === 'owner')).toHaveLength(1);
		expect(result.plain).toEqual([]);
		expect(result.cards).toHaveLength(1);
		expect(result.cardRows.find((c) => c.code === s.card)!.usedOn).toBe(stored!.submittedOn);
		expect(result.cardRows.find((c) => c.code === s.spare)!.usedOn).toBeNull();
		const text = JSON.stringify([...result.open, ...result.cards]);
		for (const identifying of ['127.0.0.1', 'node', 'undici', s.owner.id, s.owner.email, 'Olga', s.card]) expect(text).not.toContain(identifying);
		// drafts that were sent are gone; only unsent ones remain
		expect(result.drafts.every((d) => Object.keys(d).sort().join() === 'data,keyHash,roundId,updatedOn')).toBe(true);
	});
});
