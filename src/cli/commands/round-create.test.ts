// Runs the CLI as a user would (its `main`, in this process), against a fresh database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { hasStackTrace, runCliInProcess, targetKind, tempDir, testTarget, type Target } from '../../../tests/cli/helpers';
import { roundCard, scanRound } from '../../lib/server/db/schema';
import { pdfPlainText } from '../../../tests/helpers/pdf-text';

let target: Target;
let out: { path: string; remove(): Promise<void> };
beforeAll(async () => {
	target = await testTarget();
	out = await tempDir('leerkompas-round-');
	const firm = await runCliInProcess(['org', 'create', '--name', 'Bakkerij De Korenaar', '--employees', '8'], target.env);
	expect(firm.stdout).toBe('bakkerij-de-korenaar\n');
}, 120_000);
afterAll(async () => {
	await target.remove();
	await out.remove();
});

describe(`leerkompas round create (${targetKind})`, () => {
	it('starts a round and prints only its survey link', async () => {
		const r = await runCliInProcess(['round', 'create', '--org', 'bakkerij-de-korenaar', '--name', 'Voorjaar 2025', '--teams', 'Winkel, Bakkerij', '--closes', '2099-01-31'], {
			...target.env,
			ORIGIN: 'https://leerkompas.example.nl'
		});
		expect(r.code, r.stderr).toBe(0);
		const link = /^https:\/\/leerkompas\.example\.nl\/s\/([A-Za-z0-9_-]{43})\n$/.exec(r.stdout);
		expect(link, r.stdout).not.toBeNull();
		expect(r.stderr).toContain("Ronde 'Voorjaar 2025' is gestart voor Bakkerij De Korenaar, tot en met 31 januari 2099.");
		expect(r.stderr).toMatch(/Korte link \(voor een sms\): https:\/\/leerkompas\.example\.nl\/r\/[2-9A-HJKMNP-Z]{10}\n/);

		const h = await target.open();
		try {
			const [round] = await h.db.select().from(scanRound).where(eq(scanRound.linkToken, link![1]!));
			expect(round).toMatchObject({ name: 'Voorjaar 2025', teams: ['Winkel', 'Bakkerij'], closesOn: '2099-01-31', invited: 8, inviteMode: 'link', threshold: 5 });
		} finally {
			await h.close();
		}
	}, 120_000);

	it('with --cards makes the cards and writes the sheet', async () => {
		const file = join(out.path, 'vel.pdf');
		const r = await runCliInProcess(['round', 'create', '--org', 'bakkerij-de-korenaar', '--name', 'Met kaartjes', '--cards', '12', '--out', file], target.env);
		expect(r.code, r.stderr).toBe(0);
		expect(r.stdout).toBe('http://localhost:3000/k\n');
		expect(r.stderr).toContain(`Vel met 12 kaartjes geschreven naar ${file}.`);
		const text = await pdfPlainText(readFileSync(file));

		const h = await target.open();
		try {
			const [round] = await h.db.select().from(scanRound).where(eq(scanRound.name, 'Met kaartjes'));
			const cards = await h.db.select().from(roundCard).where(eq(roundCard.roundId, round!.id));
			expect(round?.inviteMode).toBe('cards');
			expect(cards).toHaveLength(12);
			for (const card of cards) expect(text).toContain(`${card.code.slice(0, 5)}-${card.code.slice(5)}`);
		} finally {
			await h.close();
		}
	}, 120_000);

	it('says what to fix, and changes nothing', async () => {
		const taken = await runCliInProcess(['round', 'create', '--org', 'bakkerij-de-korenaar', '--name', 'voorjaar 2025'], target.env);
		expect(taken.code).toBe(2);
		expect(taken.stderr).toContain('--name: U heeft al een ronde met deze naam.');

		const bad = await runCliInProcess(['round', 'create', '--org', 'bakkerij-de-korenaar', '--name', 'X', '--cards', '501', '--opens', '2025-02-30'], target.env);
		expect(bad.code).toBe(2);
		expect(bad.stderr).toContain('--opens: Vul een datum in');
		expect(bad.stderr).toContain('--cards: Vul een aantal kaartjes in, van 1 tot en met 500.');

		const staff = await runCliInProcess(['round', 'create', '--org', 'bakkerij-de-korenaar', '--name', 'Te veel', '--invited', '81'], target.env);
		expect(staff.code).toBe(2);
		expect(staff.stderr).toContain('--invited: Dat is meer dan tien keer het aantal medewerkers');

		const unknown = await runCliInProcess(['--lang', 'en', 'round', 'create', '--org', 'nergens', '--name', 'X'], target.env);
		expect(unknown.code).toBe(1);
		expect(unknown.stderr).toContain("There is no firm with the slug 'nergens'.");

		const existing = join(out.path, 'bestaat.pdf');
		await runCliInProcess(['round', 'create', '--org', 'bakkerij-de-korenaar', '--name', 'Eerste vel', '--cards', '2', '--out', existing], target.env);
		const again = await runCliInProcess(['round', 'create', '--org', 'bakkerij-de-korenaar', '--name', 'Tweede vel', '--cards', '2', '--out', existing], target.env);
		expect(again.code).toBe(1);
		expect(again.stderr).toContain('bestaat al');
		for (const r of [taken, bad, staff, unknown, again]) {
			expect(r.stdout).toBe('');
			expect(hasStackTrace(r.stderr)).toBe(false);
		}

		const h = await target.open();
		try {
			const names = (await h.db.select({ name: scanRound.name }).from(scanRound)).map((r) => r.name).sort();
			expect(names).toEqual(['Eerste vel', 'Met kaartjes', 'Voorjaar 2025']);
			expect(existsSync(join(out.path, 'kaartjes-Tweede-vel.pdf'))).toBe(false);
		} finally {
			await h.close();
		}
	}, 180_000);
});
