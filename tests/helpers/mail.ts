// Reads back the mails Leerkompas wrote (outbox files, or what a test SMTP server received) with mailparser,
// an independent MIME parser by nodemailer's authors, so a test sees a mail as a mail program would.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser, type AddressObject } from 'mailparser';

export interface ReadMail {
	from: string;
	to: string;
	subject: string;
	text?: string;
	html?: string;
}

/** `Name <address>` or just the address, as a person would write it (mailparser's own text quotes names). */
function addresses(value: AddressObject | AddressObject[] | undefined): string {
	const list = Array.isArray(value) ? value : value ? [value] : [];
	return list
		.flatMap((a) => a.value)
		.map((a) => (a.name ? `${a.name} <${a.address ?? ''}>` : (a.address ?? '')))
		.join(', ');
}

export async function parseMail(raw: Buffer): Promise<ReadMail> {
	const mail = await simpleParser(raw);
	return {
		from: addresses(mail.from),
		to: addresses(mail.to),
		subject: mail.subject ?? '',
		text: mail.text,
		html: mail.html === false ? undefined : mail.html
	};
}

/** The outbox's .eml files, oldest first (their names start with the time they were written). */
export async function readOutbox(dir: string): Promise<(ReadMail & { file: string })[]> {
	const names = (await readdir(dir)).filter((n) => n.endsWith('.eml')).sort();
	return Promise.all(
		names.map(async (name) => {
			const file = join(dir, name);
			return { file, ...(await parseMail(await readFile(file))) };
		})
	);
}
