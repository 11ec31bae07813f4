// Reads what the server "sent": without SMTP every mail is an .eml file in the server's data folder, so a
// test follows a link from a mail the way a person clicks it.
import { join } from 'node:path';
import { readOutbox, type ReadMail } from '../../helpers/mail';

/** Every mail to `address` in the outbox of the server whose data folder is `dataDir`, oldest first. */
export async function mailsTo(address: string, dataDir?: string): Promise<ReadMail[]> {
	// vitest only when no folder is given: the benchmarks use this file outside vitest, where importing it throws.
	const folder = dataDir ?? (await import('vitest')).inject('dataDir');
	const all = await readOutbox(join(folder, 'outbox')).catch((e: NodeJS.ErrnoException) => {
		if (e.code === 'ENOENT') return []; // nothing sent yet
		throw e;
	});
	return all.filter((mail) => mail.to.toLowerCase().includes(address.toLowerCase()));
}

/** The first link in a mail's text part whose address matches `pattern`. */
export function linkIn(mail: ReadMail, pattern: RegExp): string | null {
	for (const url of (mail.text ?? '').match(/https?:\/\/\S+/g) ?? []) if (pattern.test(url)) return url;
	return null;
}

/** Waits for the newest mail to `address` with a link matching `pattern` (mail may be sent just after the answer). */
export async function linkFromMail(address: string, pattern: RegExp, options: { dataDir?: string; after?: number; subject?: RegExp } = {}): Promise<string> {
	for (let attempt = 0; attempt < 100; attempt++) {
		const mails = (await mailsTo(address, options.dataDir)).slice(options.after ?? 0).filter((mail) => !options.subject || options.subject.test(mail.subject));
		for (const mail of mails.reverse()) {
			const link = linkIn(mail, pattern);
			if (link) return link;
		}
		await new Promise((r) => setTimeout(r, 50));
	}
	throw new Error(`no mail to ${address} with a link like ${pattern}`);
}

/** A link's path and query, to follow on the test's own base address. */
export const pathOf = (link: string) => {
	const url = new URL(link);
	return url.pathname + url.search;
};
