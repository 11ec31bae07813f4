// The naive baseline for bench/survey-load.ts: a plain node:http server, no framework, that parses the same
// one-page survey form and stores each response with its receipt in a PostgreSQL transaction of its own (the
// same tables as Leerkompas: scan_response and submission_receipt), then redirects to the thanks page. It
// checks nothing a real survey must check (round status, answer ranges, limits); it is what "a plain Node
// server that writes to PostgreSQL" costs, so Leerkompas can be read as a ratio to it.
//
//   PORT=… DATABASE_URL=… LEERKOMPAS_BASELINE_ROUND=<round id> npx tsx bench/naive-server.ts
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import postgres from 'postgres';

const sql = postgres(process.env.DATABASE_URL!, { max: 10, onnotice: () => {} });
const roundId = process.env.LEERKOMPAS_BASELINE_ROUND!;
const today = new Date().toISOString().slice(0, 10);

const server = createServer((req, res) => {
	const chunks: Buffer[] = [];
	req.on('data', (c: Buffer) => chunks.push(c));
	req.on('end', () => {
		const form = new URLSearchParams(Buffer.concat(chunks).toString());
		const answers: Record<string, number | null> = {};
		const background: Record<string, string> = {};
		const open: Record<string, string> = {};
		let key = '';
		for (const [name, value] of form) {
			if (name === 'submissionKey') key = value;
			else if (/^[a-z]+_\d+$/.test(name)) answers[name] = Number(value);
			else if (name.startsWith('open_')) open[name] = value;
			else background[name] = value;
		}
		const keyHash = createHash('sha256').update(key).digest('base64url');
		sql
			.begin(async (tx) => {
				const receipt = await tx`insert into submission_receipt (round_id, key_hash, received_on) values (${roundId}, ${keyHash}, ${today}) on conflict do nothing returning key_hash`;
				if (receipt.length === 0) return;
				await tx`insert into scan_response (round_id, perspective, submitted_on, answers, background, open)
					values (${roundId}, 'employee', ${today}, ${sql.json(answers)}, ${sql.json(background)}, ${sql.json(open)})`;
			})
			.then(
				() => {
					res.writeHead(303, { location: '/thanks' });
					res.end();
				},
				() => {
					res.writeHead(500);
					res.end();
				}
			);
	});
});

server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('listening'));
process.on('SIGTERM', () => {
	server.close();
	void sql.end({ timeout: 5 }).then(() => process.exit(0));
});
