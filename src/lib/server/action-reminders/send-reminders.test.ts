import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTestDatabase } from '../../../../tests/helpers/database';
import { makeFirm, makeUser } from '../../../../tests/helpers/factories';
import { readOutbox } from '../../../../tests/helpers/mail';
import { startTestSmtpServer, type TestSmtpServer } from '../../../../tests/helpers/smtp-server';
import type { DatabaseHandle } from '../db/client';
import { adviserGrant, firmAction, firmMember } from '../db/schema';
import { createMailer } from '../mail/mailer';
import { mailSettingOf, saveMailSetting } from './mail-setting';
import { sendReminders } from './send-reminders';
import { stopByLink } from './stop-link';
import { accountLanguage, setAccountLanguage } from '../auth/account-language';
import { and, eq } from 'drizzle-orm';

const ORIGIN = 'https://leerkompas.example.nl';
const SECRET = 'test-stop-secret';
const FROM = 'Leerkompas <noreply@leerkompas.test>';

let handle: DatabaseHandle;
let smtp: TestSmtpServer;
let dataDir: string;

beforeAll(async () => {
	smtp = await startTestSmtpServer();
});
afterAll(async () => {
	await smtp.close();
});
beforeEach(async () => {
	handle = await openTestDatabase();
	dataDir = await mkdtemp(join(tmpdir(), 'leerkompas-reminders-'));
	smtp.received.length = 0;
	smtp.refuse = () => false;
});
afterEach(async () => {
	await handle.close();
	await rm(dataDir, { recursive: true, force: true });
});

const overSmtp = () => createMailer({ SMTP_URL: smtp.url, MAIL_FROM: FROM, dataDir });
const run = (today: string, mailer = overSmtp()) => sendReminders(handle.db, { today, mailer, origin: ORIGIN, stopSecret: SECRET, log: () => {} });

async function firmWithPeople() {
	const db = handle.db;
	const owner = await makeUser(db, { name: 'Fatma', email: 'fatma@bakkerij.test' });
	const f = await makeFirm(db, { ownerId: owner.id, name: 'Bakkerij De Korst' });
	const manager = await makeUser(db, { email: 'joost@bakkerij.test' });
	const otherManager = await makeUser(db, { email: 'ineke@bakkerij.test' });
	const adviser = await makeUser(db, { email: 'adviseur@advies.test' });
	await db.insert(firmMember).values([
		{ firmId: f.id, userId: manager.id, role: 'manager' },
		{ firmId: f.id, userId: otherManager.id, role: 'manager' }
	]);
	await db.insert(adviserGrant).values({ firmId: f.id, adviserId: adviser.id, kind: 'adviser', grantedBy: owner.id });
	return { f, owner, manager, otherManager, adviser };
}

describe('the deadline mail', () => {
	it('goes over SMTP to the owner and the member named, once, with the plan, settings and stop links', async () => {
		const { f, owner, manager } = await firmWithPeople();
		await handle.db.insert(firmAction).values({
			firmId: f.id,
			title: 'Inwerkprogramma <voor> nieuwe bakkers',
			dueOn: '2026-12-10',
			status: 'bezig',
			assigneeName: 'Joost',
			assigneeUserId: manager.id
		});
		await handle.db.insert(firmAction).values({ firmId: f.id, title: 'Al klaar', dueOn: '2026-12-10', status: 'klaar', doneOn: '2026-11-20' });
		await handle.db.insert(firmAction).values({ firmId: f.id, title: 'Volgende week', dueOn: '2026-12-17' });

		const first = await run('2026-12-10');
		expect(first).toEqual({ deadlineMails: 2, monthlyMails: 0, failed: 0 });
		const mails = await smtp.mails();
		expect(mails.flatMap((m) => m.rcptTo).sort()).toEqual(['fatma@bakkerij.test', 'joost@bakkerij.test']);
		const toOwner = mails.find((m) => m.rcptTo.includes('fatma@bakkerij.test'))!;
		expect(toOwner.subject).toBe('Deadline van uw actie: Inwerkprogramma <voor> nieuwe bakkers');
		expect(toOwner.text).toContain('Vandaag (10 december 2026) is de deadline van de actie "Inwerkprogramma <voor> nieuwe bakkers" van Bakkerij De Korst.');
		expect(toOwner.text).toContain('Wie doet het: Joost.');
		expect(toOwner.text).toContain('omdat u eigenaar bent van Bakkerij De Korst');
		expect(toOwner.text).toContain(`${ORIGIN}/firms/${f.slug}/actions`);
		expect(toOwner.text).toContain(`${ORIGIN}/firms/${f.slug}/reminders`);
		expect(toOwner.html).toContain('Inwerkprogramma &lt;voor&gt; nieuwe bakkers');
		expect(toOwner.html).not.toContain('<voor>');
		const toManager = mails.find((m) => m.rcptTo.includes('joost@bakkerij.test'))!;
		expect(toManager.text).toContain('omdat u bij deze actie staat');

		// The stop link in the owner's mail stops the owner's deadline mails, and only those.
		const stopUrl = /https:\/\/leerkompas\.example\.nl\/reminders\/stop\/(\S+)/.exec(toOwner.text ?? '')?.[1];
		expect(stopUrl).toBeDefined();
		expect(await stopByLink(handle.db, SECRET, stopUrl!)).toMatchObject({ userId: owner.id, firmId: f.id, kind: 'deadline' });
		expect(await mailSettingOf(handle.db, owner.id, f.id)).toEqual({ deadlineMail: false, monthlyMail: true });

		// A second run the same day (or a restart) sends nothing again.
		expect(await run('2026-12-10')).toEqual({ deadlineMails: 0, monthlyMails: 0, failed: 0 });
		expect(smtp.received).toHaveLength(2);
	});

	it('still goes out in the days after a missed deadline day, saying the date it was', async () => {
		const { f } = await firmWithPeople();
		await handle.db.insert(firmAction).values({ firmId: f.id, title: 'Leerlunch', dueOn: '2026-11-20' });
		expect((await run('2026-11-26')).deadlineMails).toBe(1);
		const [mail] = await smtp.mails();
		expect(mail?.text).toContain('Op 20 november 2026 was de deadline van de actie "Leerlunch"');
		expect((await run('2026-11-27')).deadlineMails).toBe(0);
	});

	it('goes out again when the deadline moved, and never to advisers or a member who is no longer in the firm', async () => {
		const { f, otherManager } = await firmWithPeople();
		const [action] = await handle.db
			.insert(firmAction)
			.values({ firmId: f.id, title: 'Meester-gezel', dueOn: '2026-12-10', assigneeUserId: otherManager.id })
			.returning();
		await handle.db.delete(firmMember).where(and(eq(firmMember.firmId, f.id), eq(firmMember.userId, otherManager.id)));
		await run('2026-12-10');
		expect((await smtp.mails()).map((m) => m.rcptTo[0])).toEqual(['fatma@bakkerij.test']);
		await handle.db.update(firmAction).set({ dueOn: '2026-12-15' }).where(eq(firmAction.id, action!.id));
		await run('2026-12-15');
		expect(smtp.received).toHaveLength(2);
	});

	it('goes once to an owner who is also the one named', async () => {
		const { f, owner } = await firmWithPeople();
		await handle.db.insert(firmAction).values({ firmId: f.id, title: 'Zelf doen', dueOn: '2026-12-10', assigneeUserId: owner.id });
		expect((await run('2026-12-10')).deadlineMails).toBe(1);
		const [mail] = await smtp.mails();
		expect(mail?.rcptTo).toEqual(['fatma@bakkerij.test']);
		expect(mail?.text).toContain('omdat u eigenaar bent');
	});

	it('follows the setting and the account: stopped means no mail, an English account gets an English mail', async () => {
		const { f, owner, manager } = await firmWithPeople();
		await saveMailSetting(handle.db, owner.id, f.id, { deadlineMail: false, monthlyMail: true });
		expect(await setAccountLanguage(handle.db, manager.id, 'en')).toBe(true);
		await handle.db.insert(firmAction).values({ firmId: f.id, title: 'Buddy', dueOn: '2026-12-10', assigneeUserId: manager.id });
		await run('2026-12-10');
		const mails = await smtp.mails();
		expect(mails.map((m) => m.rcptTo[0])).toEqual(['joost@bakkerij.test']);
		expect(mails[0]?.subject).toBe('Deadline of your action: Buddy');
		expect(mails[0]?.text).toContain('Today (10 December 2026) is the deadline');
	});

	it('that the server refuses is tried again on the next run, not lost and not doubled', async () => {
		const { f } = await firmWithPeople();
		await handle.db.insert(firmAction).values({ firmId: f.id, title: 'Kennisdelen', dueOn: '2026-12-10' });
		smtp.refuse = () => true;
		expect(await run('2026-12-10')).toEqual({ deadlineMails: 0, monthlyMails: 0, failed: 1 });
		smtp.refuse = () => false;
		expect((await run('2026-12-10')).deadlineMails).toBe(1);
		expect((await run('2026-12-10')).deadlineMails).toBe(0);
		expect(smtp.received).toHaveLength(1);
	});
});

describe('the monthly summary', () => {
	it('goes to the owner in the first week of the month with what is done, due and overdue, once, into the outbox without SMTP', async () => {
		const { f } = await firmWithPeople();
		await handle.db.insert(firmAction).values([
			{ firmId: f.id, title: 'Leerlunch', status: 'klaar', doneOn: '2026-11-12', dueOn: '2026-11-15' },
			{ firmId: f.id, title: 'Menukaart bekijken', dueOn: '2026-12-20', status: 'bezig' },
			{ firmId: f.id, title: 'Ontwikkelgesprekken', dueOn: '2026-11-20' },
			{ firmId: f.id, title: 'Gestopt idee', dueOn: '2026-11-10', status: 'gestopt' }
		]);
		const outbox = createMailer({ MAIL_FROM: FROM, dataDir });
		// The 3rd: the deadline of "Ontwikkelgesprekken" is more than six days ago, so only the summary goes out.
		expect(await run('2026-12-03', outbox)).toEqual({ deadlineMails: 0, monthlyMails: 1, failed: 0 });
		const mails = await readOutbox(join(dataDir, 'outbox'));
		expect(mails).toHaveLength(1);
		const [mail] = mails;
		expect(mail?.to).toBe('fatma@bakkerij.test');
		expect(mail?.subject).toBe('Maandoverzicht van het actieplan van Bakkerij De Korst');
		expect(mail?.text).toContain('Deadline voorbij, nog niet klaar:\n\n- Ontwikkelgesprekken (deadline 20 november 2026)');
		expect(mail?.text).toContain('Deadline deze maand:\n\n- Menukaart bekijken (deadline 20 december 2026)');
		expect(mail?.text).toContain('Klaar sinds 1 november 2026:\n\n- Leerlunch (klaar op 12 november 2026)');
		expect(mail?.text).not.toContain('Gestopt idee');
		expect(mail?.text).toContain('/reminders/stop/');

		expect((await run('2026-12-04', outbox)).monthlyMails).toBe(0);
		expect(await readOutbox(join(dataDir, 'outbox'))).toHaveLength(1);
	});

	it('is not sent after the first week, when there is nothing to say, or when the owner stopped it', async () => {
		const { f, owner } = await firmWithPeople();
		await handle.db.insert(firmAction).values({ firmId: f.id, title: 'Leerambassadeur', dueOn: '2026-12-20' });
		expect((await run('2026-11-08')).monthlyMails).toBe(0);
		const empty = await makeFirm(handle.db, { ownerId: owner.id });
		await handle.db.insert(firmAction).values({ firmId: empty.id, title: 'Zonder datum' });
		await saveMailSetting(handle.db, owner.id, f.id, { deadlineMail: true, monthlyMail: false });
		expect((await run('2026-12-01')).monthlyMails).toBe(0);
		expect(smtp.received).toHaveLength(0);
	});
});

describe('the language of the mails', () => {
	it('is the account\'s: an English owner finds the deadline mail and the monthly summary in English in the outbox', async () => {
		const { f, owner } = await firmWithPeople();
		expect(await accountLanguage(handle.db, owner.id)).toBe('nl');
		expect(await setAccountLanguage(handle.db, owner.id, 'fr')).toBe(false);
		expect(await setAccountLanguage(handle.db, owner.id, 'en')).toBe(true);
		expect(await accountLanguage(handle.db, owner.id)).toBe('en');
		await handle.db.insert(firmAction).values([
			{ firmId: f.id, title: 'Buddy for newcomers', dueOn: '2026-12-03' },
			{ firmId: f.id, title: 'Learning lunch', dueOn: '2026-12-20' }
		]);
		const outbox = createMailer({ MAIL_FROM: FROM, dataDir });
		expect(await run('2026-12-03', outbox)).toEqual({ deadlineMails: 1, monthlyMails: 1, failed: 0 });
		const mails = await readOutbox(join(dataDir, 'outbox'));
		expect(mails.map((m) => m.to)).toEqual(['fatma@bakkerij.test', 'fatma@bakkerij.test']);
		const deadline = mails.find((m) => m.subject?.startsWith('Deadline'))!;
		expect(deadline.subject).toBe('Deadline of your action: Buddy for newcomers');
		expect(deadline.text).toContain('Today (3 December 2026) is the deadline');
		const monthly = mails.find((m) => m !== deadline)!;
		expect(monthly.text).not.toMatch(/Deadline deze maand|Klaar sinds/);
		expect(monthly.text).toContain('Learning lunch');
		expect(monthly.subject).toBe('Monthly summary of the action plan of Bakkerij De Korst');
	});
});

describe('the stop link', () => {
	it('changes nothing when it was altered or is signed with another secret', async () => {
		const { f, owner } = await firmWithPeople();
		await handle.db.insert(firmAction).values({ firmId: f.id, title: 'Actie', dueOn: '2026-12-10' });
		await run('2026-12-10');
		const token = /\/reminders\/stop\/(\S+)/.exec((await smtp.mails())[0]?.text ?? '')?.[1] ?? '';
		const [payload, signature] = token.split('.');
		const forged = `${Buffer.from(JSON.stringify({ u: 'someone-else', f: f.id, k: 'deadline' })).toString('base64url')}.${signature}`;
		expect(await stopByLink(handle.db, SECRET, forged)).toBeNull();
		expect(await stopByLink(handle.db, 'another-secret', token)).toBeNull();
		expect(await stopByLink(handle.db, SECRET, `${payload}.`)).toBeNull();
		expect(await stopByLink(handle.db, SECRET, 'nonsense')).toBeNull();
		expect(await mailSettingOf(handle.db, owner.id, f.id)).toEqual({ deadlineMail: true, monthlyMail: true });
	});
});
