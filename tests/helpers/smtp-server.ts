// A real SMTP server on a free local port for tests: it keeps every message it accepts, and refuses recipients
// while `refuse` says so (to test what happens when a mail cannot be delivered).
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { parseMail, type ReadMail } from './mail';

export interface TestSmtpServer {
	url: string;
	received: { rcptTo: string[]; raw: Buffer }[];
	refuse: (address: string) => boolean;
	/** The received messages, parsed as a mail program would. */
	mails(): Promise<(ReadMail & { rcptTo: string[] })[]>;
	close(): Promise<void>;
}

export async function startTestSmtpServer(): Promise<TestSmtpServer> {
	const state: TestSmtpServer = {
		url: '',
		received: [],
		refuse: () => false,
		mails: () => Promise.all(state.received.map(async (r) => ({ ...(await parseMail(r.raw)), rcptTo: r.rcptTo }))),
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onRcptTo(address, _session, callback) {
			if (state.refuse(address.address)) callback(new Error('No such mailbox'));
			else callback();
		},
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (c: Buffer) => chunks.push(c));
			stream.on('end', () => {
				state.received.push({ rcptTo: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks) });
				callback();
			});
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	state.url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
	return state;
}
