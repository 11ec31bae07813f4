// The action plan's mails and calendar files over HTTP against a server of its own: the deadline mail that the
// server's own schedule sends at start, its stop link (no sign-in), the settings page, and the .ics per action,
// for every role. An action of another firm, or a firm out of reach, answers 404 like one that does not exist.
import { beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { and, eq } from 'drizzle-orm';
import { HttpSession } from '../support/http-client';
import { useSeededServer } from '../support/seeded-server';
import { linkFromMail, mailsTo, pathOf } from '../support/mail';
import { makeFirm } from '../../helpers/factories';
import { makeSignInUser } from '../../helpers/scan-factories';
import { actionMailSetting, adviserGrant, firmAction, firmMember, user } from '../../../src/lib/server/db/schema';
import type { Database } from '../../../src/lib/server/db/client';
import { dayOf } from '../../../src/lib/server/clock';

const password = 'een lang wachtwoord voor de test';
// The server runs its reminders at start with the day in the Netherlands; a deadline today gets its mail then.
const today = dayOf();

async function seed(db: Database) {
	const person = (email: string, name: string) => makeSignInUser(db, email, password, name);
	const owner = await person('olga@bakkerij.example', 'Olga Eigenaar');
	const manager = await person('cor@bakkerij.example', 'Cor Collega');
	const adviser = await person('ada@advies.example', 'Ada Adviseur');
	const revokedAdviser = await person('vera@advies.example', 'Vera Gestopt');
	const coordinator = await person('nina@netwerk.example', 'Nina Coördinator');
	const admin = await person('adam@platform.example', 'Adam Beheer');
	const otherOwner = await person('bert@garage.example', 'Bert Garage');
	await db.update(user).set({ role: 'coordinator' }).where(eq(user.id, coordinator.id));
	await db.update(user).set({ role: 'admin' }).where(eq(user.id, admin.id));
	const firm = await makeFirm(db, { ownerId: owner.id, name: 'Bakkerij De Korenaar' });
	const otherFirm = await makeFirm(db, { ownerId: otherOwner.id, name: 'Garage Bert' });
	await db.insert(firmMember).values({ firmId: firm.id, userId: manager.id, role: 'manager' });
	await db.insert(adviserGrant).values({ firmId: firm.id, adviserId: adviser.id, kind: 'coach', grantedBy: owner.id });
	await db.insert(adviserGrant).values({ firmId: firm.id, adviserId: revokedAdviser.id, kind: 'adviser', grantedBy: owner.id, revokedAt: new Date() });
	const [action] = await db
		.insert(firmAction)
		.values({ firmId: firm.id, title: 'Inwerkprogramma, met "buddy"; stap 1', why: 'Nieuwe mensen\nleren sneller.', dueOn: today, assigneeName: 'Cor', assigneeUserId: manager.id })
		.returning();
	const [otherAction] = await db.insert(firmAction).values({ firmId: otherFirm.id, title: 'Garage-actie', dueOn: '2027-03-01' }).returning();
	return { owner, manager, adviser, revokedAdviser, coordinator, admin, otherOwner, firm, otherFirm, action: action!, otherAction: otherAction! };
}

const server = useSeededServer(seed);
const s = server.seeded;
const sessions: Record<string, HttpSession> = {};

const signIn = (email: string) => server.signIn(email, password);

beforeAll(async () => {
	const people = { owner: s.owner, manager: s.manager, adviser: s.adviser, revokedAdviser: s.revokedAdviser, coordinator: s.coordinator, admin: s.admin, otherOwner: s.otherOwner };
	for (const [name, person] of Object.entries(people)) sessions[name] = await signIn(person.email);
	sessions.anonymous = new HttpSession(server.baseUrl);
});

const icsUrl = (actionId = s.action.id, slug = s.firm.slug) => `/firms/${slug}/actions/${actionId}/action.ics`;

describe('the calendar file of an action', () => {
	it('is a valid iCalendar file with the action as an all-day event on its deadline', async () => {
		const res = await sessions.owner!.get(icsUrl());
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
		expect(res.headers.get('content-disposition')).toBe(`attachment; filename="actie-${today}.ics"`);
		const body = await res.text();
		const vevent = new ICAL.Component(ICAL.parse(body)).getFirstSubcomponent('vevent')!;
		const event = new ICAL.Event(vevent);
		expect(event.summary).toBe('Inwerkprogramma, met "buddy"; stap 1');
		expect(event.startDate.toString()).toBe(today);
		expect(event.startDate.isDate).toBe(true);
		expect(event.description).toContain('Waarom: Nieuwe mensen\nleren sneller.');
		expect(event.description).toContain('Wie: Cor');
		expect(String(vevent.getFirstPropertyValue('url'))).toMatch(new RegExp(`/firms/${s.firm.slug}/actions$`));
	});

	it('is there for the owner, a co-manager and an adviser with consent', async () => {
		for (const who of ['owner', 'manager', 'adviser']) expect((await sessions[who]!.get(icsUrl())).status, who).toBe(200);
	});

	it('is not there for an adviser whose consent ended, a coordinator, an admin or another firm', async () => {
		for (const who of ['revokedAdviser', 'coordinator', 'admin', 'otherOwner']) expect((await sessions[who]!.get(icsUrl())).status, who).toBe(404);
		// Another firm's action through one's own firm answers like an action that does not exist.
		expect((await sessions.otherOwner!.get(icsUrl(s.action.id, s.otherFirm.slug))).status).toBe(404);
		expect((await sessions.owner!.get(icsUrl(s.otherAction.id))).status).toBe(404);
		expect((await sessions.owner!.get(icsUrl('not-a-uuid'))).status).toBe(404);
	});

	it('sends someone not signed in to sign in', async () => {
		const res = await sessions.anonymous!.get(icsUrl());
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toContain('/login?returnTo=');
	});
});

describe('the mail settings page', () => {
	const page = () => `/firms/${s.firm.slug}/reminders`;

	it('is for the firm\'s members only', async () => {
		for (const who of ['owner', 'manager']) expect((await sessions[who]!.get(page())).status, who).toBe(200);
		for (const who of ['adviser', 'revokedAdviser', 'coordinator', 'admin', 'otherOwner']) {
			expect((await sessions[who]!.get(page())).status, who).toBe(404);
			expect((await sessions[who]!.post(page(), { deadlineMail: 'on' })).status, who).toBe(404);
		}
		expect((await sessions.anonymous!.get(page())).status).toBe(303);
		expect((await sessions.anonymous!.post(page(), {})).status).toBe(303);
	});

	it('says the mails come in the account\'s language, which /language stores for a signed-in person', async () => {
		// A session of its own, so the others keep their Dutch pages.
		const cor = await signIn(s.manager.email);
		// The page reads the stored language of the account. (Not read through server.inspect: on PGlite that
		// stops the server, and the later tests need it.)
		const says = async (text: string) => expect(await (await cor.get(page())).text()).toContain(text);
		await says('Deze mails komen in de taal van uw account: Nederlands.');
		expect((await cor.post('/language', { locale: 'xx', returnTo: page() })).status).toBe(303);
		await says('Deze mails komen in de taal van uw account: Nederlands.');
		expect((await cor.post('/language', { locale: 'en', returnTo: page() })).status).toBe(303);
		await says('These mails come in the language of your account: English.');
		// Someone not signed in only changes the page's language: Cor's account stays English.
		expect((await new HttpSession(server.baseUrl).post('/language', { locale: 'nl', returnTo: '/' })).status).toBe(303);
		await says('These mails come in the language of your account: English.');
		await cor.post('/language', { locale: 'nl', returnTo: '/' });
		await says('Deze mails komen in de taal van uw account: Nederlands.');
	});
});

describe('the deadline mail', () => {
	it('reaches the owner and the named co-manager, and its stop link works without signing in', async () => {
		// The monthly summary goes out at the same start (its first run this month) and has a stop link of its own.
		const stopLink = await linkFromMail(s.owner.email, /\/reminders\/stop\//, { dataDir: server.dataDir, subject: /^Deadline/ });
		const [ownerMail] = await mailsTo(s.owner.email, server.dataDir);
		expect(ownerMail?.subject).toBe('Deadline van uw actie: Inwerkprogramma, met "buddy"; stap 1');
		await linkFromMail(s.manager.email, /\/reminders\/stop\//, { dataDir: server.dataDir });
		expect(await mailsTo(s.adviser.email, server.dataDir)).toHaveLength(0);

		const anonymous = new HttpSession(server.baseUrl);
		const question = await anonymous.get(pathOf(stopLink));
		expect(question.status).toBe(200);
		expect(await question.text()).toContain('Wilt u geen mails meer over deadlines van acties van Bakkerij De Korenaar?');
		const stopped = await anonymous.post(pathOf(stopLink), {});
		expect(stopped.status).toBe(200);
		expect(await stopped.text()).toContain('U krijgt deze mails niet meer.');

		// A link with a changed signature stops nothing.
		const forged = pathOf(stopLink).replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
		expect((await anonymous.get(forged)).status).toBe(404);
		expect((await anonymous.post(forged, {})).status).toBe(404);
	});

	it('the owner turns the summary off on the settings page; the database keeps both choices', async () => {
		const res = await sessions.owner!.post(`/firms/${s.firm.slug}/reminders`, {});
		expect(res.status).toBe(200);
		const settings = await server.inspect((db) =>
			db.select().from(actionMailSetting).where(and(eq(actionMailSetting.firmId, s.firm.id), eq(actionMailSetting.userId, s.owner.id)))
		);
		expect(settings).toMatchObject([{ deadlineMail: false, monthlyMail: false }]);
	});
});
