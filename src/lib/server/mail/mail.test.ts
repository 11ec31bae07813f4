import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { parseMail, readOutbox } from '../../../../tests/helpers/mail';
import { createMailer, invitationMail, magicLinkMail, mailerDescription, MailConfigError } from './index';
import { existingAccountMail, passwordResetMail, verificationMail } from './templates';

interface Received {
	from: string;
	rcptTo: string[];
	raw: Buffer;
}

const FROM = 'Leerkompas <noreply@leerkompas.test>';
const LINK = 'https://leerkompas.example.nl/api/auth/magic-link/verify?token=Abc_123-xyz&callbackURL=%2Fbedrijven';

let dataDir: string;
beforeEach(async () => {
	dataDir = await mkdtemp(join(tmpdir(), 'leerkompas-mail-'));
});
afterEach(async () => {
	await rm(dataDir, { recursive: true, force: true });
});

describe('over SMTP', () => {
	const received: Received[] = [];
	let server: SMTPServer;
	let port: number;

	beforeAll(async () => {
		server = new SMTPServer({
			authOptional: true,
			disabledCommands: ['STARTTLS'],
			logger: false,
			onRcptTo(address, _session, callback) {
				if (address.address.endsWith('@refused.test')) callback(new Error('No such mailbox'));
				else callback();
			},
			onData(stream, session, callback) {
				const chunks: Buffer[] = [];
				stream.on('data', (c: Buffer) => chunks.push(c));
				stream.on('end', () => {
					received.push({
						from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
						rcptTo: session.envelope.rcptTo.map((r) => r.address),
						raw: Buffer.concat(chunks)
					});
					callback();
				});
			}
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		port = (server.server.address() as AddressInfo).port;
	});
	afterAll(async () => {
		await new Promise<void>((resolve) => server.close(() => resolve()));
	});
	beforeEach(() => {
		received.length = 0;
	});

	const smtpConfig = () => ({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: FROM, dataDir });

	it('delivers a magic link mail to the recipient, with the link in both parts', async () => {
		const mailer = createMailer(smtpConfig());
		expect(mailer.kind).toBe('smtp');
		const content = magicLinkMail({ url: LINK, minutes: 15, locale: 'nl' });
		const sent = await mailer.send({ to: 'anna@bakkerij.test', ...content });
		expect(sent.file).toBeUndefined();

		expect(received).toHaveLength(1);
		const [mail] = received;
		expect(mail?.rcptTo).toEqual(['anna@bakkerij.test']);
		expect(mail?.from).toBe('noreply@leerkompas.test');
		const parsed = await parseMail(mail?.raw ?? Buffer.alloc(0));
		expect(parsed.to).toBe('anna@bakkerij.test');
		expect(parsed.subject).toBe('Uw link om in te loggen bij Leerkompas');
		expect(parsed.text).toContain(LINK);
		expect(parsed.text).toContain('15 minuten');
		expect(parsed.html).toContain(`href="${LINK.replace(/&/g, '&amp;')}"`);
		expect(existsSync(join(dataDir, 'outbox'))).toBe(false);
	});

	it('delivers an invitation with a non-ASCII firm name intact', async () => {
		const mailer = createMailer(smtpConfig());
		const url = 'https://leerkompas.example.nl/uitnodiging/tok123';
		const content = invitationMail({
			url,
			firmName: 'Bakkerij Één & Zonen',
			role: 'manager',
			inviterName: 'Fatma Yılmaz',
			expiresAt: new Date('2026-04-10T12:00:00Z'),
			locale: 'nl'
		});
		await mailer.send({ to: 'Joost <joost@bakkerij.test>', ...content });

		expect(received[0]?.rcptTo).toEqual(['joost@bakkerij.test']);
		const parsed = await parseMail(received[0]?.raw ?? Buffer.alloc(0));
		expect(parsed.subject).toBe('Uitnodiging voor Bakkerij Één & Zonen in Leerkompas');
		expect(parsed.text).toContain('Fatma Yılmaz nodigt u uit als mede-beheerder van Bakkerij Één & Zonen');
		expect(parsed.text).toContain('10 april 2026');
		expect(parsed.text).toContain(url);
		expect(parsed.html).toContain('Bakkerij Één &amp; Zonen');
	});

	it('fails loudly when the server refuses the recipient', async () => {
		const mailer = createMailer(smtpConfig());
		await expect(mailer.send({ to: 'x@refused.test', subject: 's', text: 't' })).rejects.toThrow();
		expect(received).toHaveLength(0);
	});

	it('describes the server without its password', () => {
		const line = mailerDescription({ SMTP_URL: 'smtps://mailer:geheim@smtp.example.nl:465', MAIL_FROM: FROM, dataDir });
		expect(line).toBe('E-mail gaat via de SMTP-server smtp.example.nl:465.');
		expect(line).not.toContain('geheim');
	});
});

describe('without SMTP', () => {
	const outboxConfig = () => ({ SMTP_URL: undefined, MAIL_FROM: FROM, dataDir });

	it('writes each mail as an .eml file in the outbox', async () => {
		const mailer = createMailer(outboxConfig());
		expect(mailer.kind).toBe('outbox');
		const first = await mailer.send({ to: 'anna@bakkerij.test', ...magicLinkMail({ url: LINK, minutes: 15, locale: 'en' }) });
		const second = await mailer.send({ to: 'bert@bakkerij.test', subject: 'Tweede', text: 'Hallo Bert' });

		const outbox = join(dataDir, 'outbox');
		const files = (await readdir(outbox)).sort();
		expect(files).toHaveLength(2);
		expect(files.every((f) => f.endsWith('.eml'))).toBe(true);
		expect(first.file).toBe(join(outbox, files[0] ?? ''));

		const parsed = await parseMail(await readFile(first.file ?? ''));
		expect(parsed.to).toBe('anna@bakkerij.test');
		expect(parsed.from).toBe(FROM);
		expect(parsed.subject).toBe('Your link to sign in to Leerkompas');
		expect(parsed.text).toContain(LINK);
		expect(parsed.html).toContain('lang="en"');

		const all = await readOutbox(outbox);
		expect(all.map((m) => [m.to, m.subject])).toEqual([
			['anna@bakkerij.test', 'Your link to sign in to Leerkompas'],
			['bert@bakkerij.test', 'Tweede']
		]);
		expect(all[1]?.text?.trim()).toBe('Hallo Bert');
		expect(second.file).toBe(all[1]?.file);
	});

	it('says where the mail goes, for the start banner', () => {
		expect(mailerDescription(outboxConfig())).toBe(
			`Er is geen SMTP-server ingesteld (SMTP_URL). E-mails worden als .eml-bestand bewaard in ${join(dataDir, 'outbox')}.`
		);
		expect(mailerDescription(outboxConfig(), 'en')).toContain('No SMTP server is set');
	});
});

describe('templates', () => {
	it('escapes user-given names in the HTML', () => {
		const mail = invitationMail({
			url: 'https://x.test/u/1',
			firmName: '<script>alert(1)</script>',
			role: 'adviser',
			inviterName: 'Ann "de baas"',
			expiresAt: new Date('2026-04-10T12:00:00Z'),
			locale: 'nl'
		});
		expect(mail.html).not.toContain('<script>');
		expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
		expect(mail.html).toContain('Ann &quot;de baas&quot;');
		expect(mail.text).toContain('als adviseur van <script>');
		expect(mail.text).toContain('Het bedrijf kan deze toegang altijd weer intrekken.');
	});

	it('names each invitation role in English too', () => {
		const roles = ['manager', 'adviser', 'coach', 'ambassador', 'retired'] as const;
		const intros = roles.map(
			(role) =>
				invitationMail({ url: 'https://x.test', firmName: 'F', role, expiresAt: new Date(), locale: 'en' }).text.split('\n')[0]
		);
		expect(intros).toEqual([
			'You have been invited as co-manager of F in Leerkompas.',
			'You have been invited as adviser of F in Leerkompas.',
			'You have been invited as coach of F in Leerkompas.',
			'You have been invited as learning ambassador of F in Leerkompas.',
			'You have been invited as experienced (retired) entrepreneur of F in Leerkompas.'
		]);
	});

	it('tells the invited person that access comes only with accepting, and spells mede-beheerder as the pages do', () => {
		const mail = invitationMail({ url: 'https://x.test/i/1', firmName: 'F', role: 'manager', expiresAt: new Date(), locale: 'nl' });
		expect(mail.text).toContain('U krijgt pas toegang als u de uitnodiging accepteert.');
		expect(mail.text).toContain('Als mede-beheerder kunt u');
		expect(mail.text).not.toContain('medebeheerder');
	});

	it('gives the proof, notice and reset mails their link and what to do when it was not you', () => {
		const verify = verificationMail({ url: 'https://x.test/api/auth/verify-email?token=t', hours: 24, locale: 'nl' });
		expect(verify.subject).toBe('Bevestig uw e-mailadres voor Leerkompas');
		expect(verify.text).toContain('https://x.test/api/auth/verify-email?token=t');
		expect(verify.text).toContain('De link werkt 24 uur.');
		expect(verify.text).toContain('Klik dan niet op de link.');
		const notice = existingAccountMail({ loginUrl: 'https://x.test/login', forgotUrl: 'https://x.test/password/forgot', locale: 'nl' });
		expect(notice.text).toContain('U heeft al een account.');
		expect(notice.text).toContain('https://x.test/login');
		expect(notice.text).toContain('https://x.test/password/forgot');
		const reset = passwordResetMail({ url: 'https://x.test/password/reset?token=t', minutes: 60, locale: 'en' });
		expect(reset.subject).toBe('New password for Leerkompas');
		expect(reset.text).toContain('The link works for 60 minutes, and only once.');
		expect(reset.html).toContain('href="https://x.test/password/reset?token=t"');
	});

	it('keeps line breaks out of the subject', () => {
		const mail = invitationMail({ url: 'https://x.test', firmName: 'A\r\nBcc: x@y.z', role: 'coach', expiresAt: new Date(), locale: 'nl' });
		expect(mail.subject).toBe('Uitnodiging voor A Bcc: x@y.z in Leerkompas');
	});
});

describe('configuration', () => {
	it('refuses an SMTP_URL that is not an smtp URL', () => {
		expect(() => createMailer({ SMTP_URL: 'mail.example.nl', MAIL_FROM: FROM, dataDir })).toThrow(MailConfigError);
		expect(() => createMailer({ SMTP_URL: 'https://mail.example.nl', MAIL_FROM: FROM, dataDir })).toThrow(/smtp:\/\//);
	});
});
