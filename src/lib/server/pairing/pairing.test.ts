import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { openTestDatabase } from '../../../../tests/helpers/database';
import { makeFirm, makeUser } from '../../../../tests/helpers/factories';
import { readOutbox } from '../../../../tests/helpers/mail';
import type { DatabaseHandle } from '../db/client';
import { pairingLabel, pairingLog, pairingPair } from '../db/schema';
import { createMailer, type Mailer } from '../mail/mailer';
import { firmArchive } from '../data-rights/firm-archive';
import { addPerson, peopleOfFirm, recordSelf, removePerson, updatePerson } from './people';
import { addLogLine, answerPair, askForConsent, currentProposals, endPair, pairByLink, pairsOfFirm, setLogSharing } from './pairs';
import { pairToken } from './pair-token';
import { firmOfJoinLink, renewJoinLink, stopJoinLink } from './join-link';
import { parsePerson, type PersonInput } from './person.schema';

const ORIGIN = 'https://leerkompas.example.nl';
const SECRET = 'test-pairing-secret';
let handle: DatabaseHandle;
let dataDir: string;
let mailer: Mailer;

beforeAll(async () => {
	handle = await openTestDatabase();
});
afterAll(async () => {
	await handle?.close();
});
beforeEach(async () => {
	dataDir = await mkdtemp(join(tmpdir(), 'leerkompas-pairing-'));
	mailer = createMailer({ dataDir, SMTP_URL: undefined, MAIL_FROM: 'Leerkompas <noreply@leerkompas.test>' });
});
afterEach(async () => {
	await rm(dataDir, { recursive: true, force: true });
});

const person = (name: string, teaches: string, learns: string, email = `${name.toLowerCase()}@example.nl`): PersonInput => {
	const parsed = parsePerson({ name, email, teaches, learns, capacity: '1' });
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
	return parsed.data;
};

async function firmWithTeam() {
	const owner = await makeUser(handle.db);
	const f = await makeFirm(handle.db, { ownerId: owner.id });
	const jan = await addPerson(handle.db, f.id, person('Jan', 'lassen, tekening lezen', ''), 'owner', '2026-01-10');
	const piet = await addPerson(handle.db, f.id, person('Piet', '', 'Lassen'), 'owner', '2026-02-01');
	const kees = await addPerson(handle.db, f.id, person('Kees', '', 'lassen, tekening lezen'), 'owner', '2026-03-01');
	return { firm: f, jan, piet, kees };
}

const ctx = (firmId: string) => ({ firmId, secret: SECRET, origin: ORIGIN, today: '2026-04-01', locale: 'nl' as const });
const linkIn = (text: string | undefined) => /\/pairing\/pair\/([A-Za-z0-9._-]+)/.exec(text ?? '')?.[1] ?? '';

describe('proposals and consent', () => {
	it('proposes the pair that covers most, mails both a link, and pairs them only when both agreed', async () => {
		const { firm, jan, kees } = await firmWithTeam();
		const proposals = await currentProposals(handle.db, firm.id);
		// Jan has room for one: Kees's two wishes beat Piet's one, though Piet waited longer.
		expect(proposals.map((p) => [p.master.name, p.apprentice.name, p.covers.map((c) => c.label)])).toEqual([['Jan', 'Kees', ['lassen', 'tekening lezen']]]);

		expect(await askForConsent(handle.db, mailer, ctx(firm.id), [{ masterId: jan, apprenticeId: kees }])).toBe(1);
		const mails = await readOutbox(join(dataDir, 'outbox'));
		expect(mails.map((m) => m.to).sort()).toEqual(['jan@example.nl', 'kees@example.nl']);
		const tokenOf = (to: string) => linkIn(mails.find((m) => m.to === to)!.text);
		const janLink = await pairByLink(handle.db, SECRET, tokenOf('jan@example.nl'));
		const keesLink = await pairByLink(handle.db, SECRET, tokenOf('kees@example.nl'));
		expect(janLink).toMatchObject({ side: 'master', me: 'Jan', other: 'Kees', status: 'proposed', covers: ['lassen', 'tekening lezen'] });
		expect(keesLink).toMatchObject({ side: 'apprentice', me: 'Kees', other: 'Jan' });

		expect(await answerPair(handle.db, janLink!.pairId, 'master', 'agreed', '2026-04-02')).toBe('proposed');
		expect((await pairsOfFirm(handle.db, firm.id))[0]!.status).toBe('proposed');
		// Jan's place is held while Kees decides: nothing else is proposed for him.
		expect(await currentProposals(handle.db, firm.id)).toEqual([]);
		expect(await answerPair(handle.db, keesLink!.pairId, 'apprentice', 'agreed', '2026-04-03')).toBe('active');
		const [pair] = await pairsOfFirm(handle.db, firm.id);
		expect(pair).toMatchObject({ status: 'active', master: 'Jan', apprentice: 'Kees', startedOn: '2026-04-03', log: null });
	});

	it('tells the owner "declined" without saying who, and does not propose that pair again', async () => {
		const { firm, jan, kees } = await firmWithTeam();
		await askForConsent(handle.db, mailer, ctx(firm.id), [{ masterId: jan, apprenticeId: kees }]);
		const [row] = await handle.db.select().from(pairingPair).where(eq(pairingPair.firmId, firm.id));
		await answerPair(handle.db, row!.id, 'master', 'agreed', '2026-04-02');
		expect(await answerPair(handle.db, row!.id, 'apprentice', 'declined', '2026-04-02')).toBe('declined');
		// A late "yes" changes nothing.
		expect(await answerPair(handle.db, row!.id, 'apprentice', 'agreed', '2026-04-03')).toBe('declined');
		const [pair] = await pairsOfFirm(handle.db, firm.id);
		expect(pair!.status).toBe('declined');
		expect(JSON.stringify(pair)).not.toMatch(/agreed|masterAnswer|apprenticeAnswer/);
		expect((await currentProposals(handle.db, firm.id)).map((p) => p.apprentice.name)).toEqual(['Piet']);
	});

	it('asks only pairs that are in the proposal now', async () => {
		const { firm, jan, piet, kees } = await firmWithTeam();
		expect(await askForConsent(handle.db, mailer, ctx(firm.id), [{ masterId: jan, apprenticeId: piet }])).toBe(0);
		expect(await askForConsent(handle.db, mailer, ctx(firm.id), [{ masterId: kees, apprenticeId: jan }])).toBe(0);
		await askForConsent(handle.db, mailer, ctx(firm.id), [{ masterId: jan, apprenticeId: kees }]);
		// Sent twice (a double post): the second finds no room left.
		expect(await askForConsent(handle.db, mailer, ctx(firm.id), [{ masterId: jan, apprenticeId: kees }])).toBe(0);
		expect(await handle.db.select().from(pairingPair).where(eq(pairingPair.firmId, firm.id))).toHaveLength(1);
	});

	it('refuses a link that was changed, made for the other side, or signed with another secret', async () => {
		const { firm, jan, kees } = await firmWithTeam();
		await askForConsent(handle.db, mailer, ctx(firm.id), [{ masterId: jan, apprenticeId: kees }]);
		const [row] = await handle.db.select().from(pairingPair).where(eq(pairingPair.firmId, firm.id));
		const good = pairToken(SECRET, row!.id, 'master');
		expect(await pairByLink(handle.db, SECRET, good)).not.toBeNull();
		expect(await pairByLink(handle.db, SECRET, good.replace('.m.', '.a.'))).toBeNull();
		expect(await pairByLink(handle.db, 'another-secret', good)).toBeNull();
		expect(await pairByLink(handle.db, SECRET, `${good}x`)).toBeNull();
		expect(await pairByLink(handle.db, SECRET, 'nonsense')).toBeNull();
	});
});

describe('the log', () => {
	async function activePair() {
		const team = await firmWithTeam();
		await askForConsent(handle.db, mailer, ctx(team.firm.id), [{ masterId: team.jan, apprenticeId: team.kees }]);
		const [row] = await handle.db.select().from(pairingPair).where(eq(pairingPair.firmId, team.firm.id));
		await answerPair(handle.db, row!.id, 'master', 'agreed', '2026-04-02');
		await answerPair(handle.db, row!.id, 'apprentice', 'agreed', '2026-04-02');
		return { ...team, pairId: row!.id };
	}

	it('is kept by either of the two and shown to the owner only when both share it', async () => {
		const { firm, pairId } = await activePair();
		const where = { firmId: firm.id, pairId };
		expect(await addLogLine(handle.db, where, 'apprentice', { day: '2026-04-05', what: 'Eerste las samen', note: 'Ging goed' })).toBe(true);
		expect(await addLogLine(handle.db, where, 'owner', { day: '2026-04-06', what: 'Even langs geweest', note: '' })).toBe(true);
		expect((await pairByLink(handle.db, SECRET, pairToken(SECRET, pairId, 'master')))!.log.map((l) => l.what)).toEqual(['Eerste las samen', 'Even langs geweest']);
		const archived = async () => JSON.parse((await firmArchive(handle.db, { firmId: firm.id, today: '2026-04-07', locale: 'nl', about: '' }))!.body);

		expect((await pairsOfFirm(handle.db, firm.id))[0]!.log).toBeNull();
		expect((await archived()).pairing.pairs[0].log).toBeNull();
		await setLogSharing(handle.db, pairId, 'master', true);
		expect((await pairsOfFirm(handle.db, firm.id))[0]!.log).toBeNull();
		await setLogSharing(handle.db, pairId, 'apprentice', true);
		expect((await pairsOfFirm(handle.db, firm.id))[0]!.log!.map((l) => [l.what, l.writtenBy])).toEqual([
			['Eerste las samen', 'apprentice'],
			['Even langs geweest', 'owner']
		]);
		expect((await archived()).pairing.pairs[0].log).toHaveLength(2);
		await setLogSharing(handle.db, pairId, 'master', false);
		expect((await pairsOfFirm(handle.db, firm.id))[0]!.log).toBeNull();
	});

	it('takes no lines once the pair has ended, and another firm can neither write nor end it', async () => {
		const { firm, pairId } = await activePair();
		const other = await makeFirm(handle.db, { ownerId: (await makeUser(handle.db)).id });
		expect(await addLogLine(handle.db, { firmId: other.id, pairId }, 'owner', { day: '2026-04-05', what: 'x', note: '' })).toBe(false);
		expect(await endPair(handle.db, { firmId: other.id, pairId }, '2026-04-05')).toBe(false);
		expect(await endPair(handle.db, { firmId: firm.id, pairId }, '2026-04-05')).toBe(true);
		expect(await addLogLine(handle.db, { firmId: firm.id, pairId }, 'master', { day: '2026-04-06', what: 'x', note: '' })).toBe(false);
		expect((await pairsOfFirm(handle.db, firm.id))[0]).toMatchObject({ status: 'ended', endedOn: '2026-04-05' });
	});

	it('goes with the person: removing a colleague removes their pairs and logs', async () => {
		const { firm, kees, pairId } = await activePair();
		await addLogLine(handle.db, { firmId: firm.id, pairId }, 'master', { day: '2026-04-05', what: 'Tekening gelezen', note: '' });
		expect(await removePerson(handle.db, firm.id, kees)).toBe(true);
		expect(await handle.db.select().from(pairingPair).where(eq(pairingPair.id, pairId))).toEqual([]);
		expect(await handle.db.select().from(pairingLog).where(eq(pairingLog.pairId, pairId))).toEqual([]);
		expect(await handle.db.select().from(pairingLabel).where(eq(pairingLabel.personId, kees))).toEqual([]);
	});
});

describe('people', () => {
	it('keeps the day a wish was recorded when the person is changed, and dates a new wish today', async () => {
		const { firm, piet } = await firmWithTeam();
		expect(await updatePerson(handle.db, firm.id, piet, person('Piet', '', 'lassen, heftruck'), '2026-05-01')).toBe(true);
		const found = (await peopleOfFirm(handle.db, firm.id)).find((p) => p.id === piet)!;
		expect(found.wishes).toEqual([
			{ label: 'Lassen', since: '2026-02-01' },
			{ label: 'heftruck', since: '2026-05-01' }
		]);
	});

	it('adds the labels of a colleague who signs up again with the same address, removing nothing', async () => {
		const { firm, piet } = await firmWithTeam();
		await recordSelf(handle.db, firm.id, person('P. de Vries', 'koken', 'lassen, plannen', 'PIET@example.nl'), '2026-05-01');
		const people = await peopleOfFirm(handle.db, firm.id);
		expect(people).toHaveLength(3);
		const found = people.find((p) => p.id === piet)!;
		expect(found.name).toBe('Piet');
		expect(found.teaches).toEqual(['koken']);
		expect(found.wishes).toEqual([
			{ label: 'Lassen', since: '2026-02-01' },
			{ label: 'plannen', since: '2026-05-01' }
		]);
		await recordSelf(handle.db, firm.id, person('Sara', '', 'plannen'), '2026-05-02');
		expect((await peopleOfFirm(handle.db, firm.id)).find((p) => p.name === 'Sara')).toMatchObject({ source: 'self' });
	});

	it('does not change or remove another firm\'s colleague', async () => {
		const { firm, piet } = await firmWithTeam();
		const other = await makeFirm(handle.db, { ownerId: (await makeUser(handle.db)).id });
		expect(await updatePerson(handle.db, other.id, piet, person('Weg', '', 'x'), '2026-05-01')).toBe(false);
		expect(await removePerson(handle.db, other.id, piet)).toBe(false);
		expect((await peopleOfFirm(handle.db, firm.id)).map((p) => p.name)).toContain('Piet');
		expect(await peopleOfFirm(handle.db, other.id)).toEqual([]);
		expect(await currentProposals(handle.db, other.id)).toEqual([]);
	});

	it('explains what is wrong with a person form', () => {
		expect(parsePerson({ name: '', email: 'geen-adres', teaches: '', learns: '', capacity: '9' })).toEqual({
			ok: false,
			// Every problem at once, so one round of fixing does.
			errors: { name: 'name', email: 'email', capacity: 'capacity', teaches: 'no_labels' }
		});
		expect(parsePerson({ name: 'Ann', email: 'ann@example.nl', teaches: '', learns: ' , ', capacity: '' })).toEqual({ ok: false, errors: { teaches: 'no_labels' } });
	});
});

describe('the sign-up link', () => {
	it('leads to its firm until it is renewed or stopped', async () => {
		const { firm } = await firmWithTeam();
		const first = await renewJoinLink(handle.db, firm.id);
		expect(await firmOfJoinLink(handle.db, first)).toMatchObject({ id: firm.id });
		const second = await renewJoinLink(handle.db, firm.id);
		expect(await firmOfJoinLink(handle.db, first)).toBeNull();
		expect(await firmOfJoinLink(handle.db, second)).toMatchObject({ id: firm.id });
		await stopJoinLink(handle.db, firm.id);
		expect(await firmOfJoinLink(handle.db, second)).toBeNull();
	});
});
