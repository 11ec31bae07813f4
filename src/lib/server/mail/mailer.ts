// Sends mail over SMTP when SMTP_URL is set. Without it, every mail becomes an .eml file in
// <data dir>/outbox, so that a fresh install works (sign-in links included) before anyone sets up SMTP.
import { randomBytes } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import type { Config } from '../config';
import * as m from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';

export type MailConfig = Pick<Config, 'SMTP_URL' | 'MAIL_FROM' | 'dataDir'>;

export interface MailMessage {
	to: string;
	subject: string;
	text: string;
	html?: string;
}

export interface SentMail {
	messageId: string;
	/** The .eml file written, when there is no SMTP server. */
	file?: string;
}

export interface Mailer {
	readonly kind: 'smtp' | 'outbox';
	send(message: MailMessage): Promise<SentMail>;
}

export class MailConfigError extends Error {}

export function outboxDir(config: Pick<Config, 'dataDir'>): string {
	return join(config.dataDir, 'outbox');
}

/** The line the start banner prints, so nobody waits for mail that only landed in a folder. */
export function mailerDescription(config: MailConfig, locale?: Locale): string {
	if (!config.SMTP_URL) return m.cli_mail_outbox({ dir: outboxDir(config) }, { locale });
	return m.cli_mail_smtp({ server: smtpServerName(config.SMTP_URL) }, { locale });
}

export function createMailer(config: MailConfig): Mailer {
	if (config.SMTP_URL) return createSmtpMailer(config.SMTP_URL, config.MAIL_FROM);
	return createOutboxMailer(outboxDir(config), config.MAIL_FROM);
}

// Host and port only: the URL may carry a password, and the banner ends up in logs.
function smtpServerName(smtpUrl: string): string {
	const url = parseSmtpUrl(smtpUrl);
	return url.port ? `${url.hostname}:${url.port}` : url.hostname;
}

function parseSmtpUrl(smtpUrl: string): URL {
	let url: URL;
	try {
		url = new URL(smtpUrl);
	} catch {
		throw new MailConfigError('SMTP_URL is not a valid URL; expected e.g. smtps://user:password@smtp.example.nl:465');
	}
	if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
		throw new MailConfigError(`SMTP_URL must start with smtp:// or smtps://, not ${url.protocol}//`);
	}
	return url;
}

function createSmtpMailer(smtpUrl: string, from: string): Mailer {
	parseSmtpUrl(smtpUrl);
	// Shorter timeouts than nodemailer's defaults (minutes): a sign-in request should fail fast, not hang.
	const transport: Transporter = nodemailer.createTransport({
		url: smtpUrl,
		connectionTimeout: 15_000,
		greetingTimeout: 15_000,
		socketTimeout: 60_000
	});
	return {
		kind: 'smtp',
		async send(message) {
			const info = await transport.sendMail({ from, ...message });
			return { messageId: String(info.messageId) };
		}
	};
}

function createOutboxMailer(dir: string, from: string): Mailer {
	// nodemailer builds the real MIME message, so the file opens in any mail program.
	const composer: Transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
	return {
		kind: 'outbox',
		async send(message) {
			const info = await composer.sendMail({ from, ...message });
			const raw = info.message;
			if (!Buffer.isBuffer(raw)) throw new Error('nodemailer did not return the message as a buffer');
			await mkdir(dir, { recursive: true });
			// Timestamp first so the files sort in sending order; written under a temporary name and
			// renamed, so anyone watching the folder never reads half a message.
			const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.eml`;
			const file = join(dir, name);
			await writeFile(`${file}.tmp`, raw, { mode: 0o600 });
			await rename(`${file}.tmp`, file);
			return { messageId: String(info.messageId), file };
		}
	};
}
