import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asc } from 'drizzle-orm';
import { consumeAdminSetupToken } from '../../src/lib/server/admin/setup-token';
import { firm } from '../../src/lib/server/db/schema';
import { hasStackTrace, runCliInProcess, targetKind, testTarget, type Target } from './helpers';

let target: Target;
beforeEach(async () => {
	target = await testTarget();
});
afterEach(async () => {
	await target.remove();
});

describe(`leerkompas org create (${targetKind})`, () => {
	it('creates firms and prints only the slug on stdout', async () => {
		const first = await runCliInProcess(
			['org', 'create', '--name', 'Bakkerij De Korenaar', '--employees', '12', '--sector', 'food-bakkerij', '--province', 'utrecht'],
			target.env
		);
		expect(first).toMatchObject({ code: 0, stdout: 'bakkerij-de-korenaar\n' });
		expect(first.stderr).toContain("Bedrijf 'Bakkerij De Korenaar' is aangemaakt.");

		const second = await runCliInProcess(['org', 'create', '--name', 'Bakkerij De Korenaar'], target.env);
		expect(second).toMatchObject({ code: 0, stdout: 'bakkerij-de-korenaar-2\n' });

		const chosen = await runCliInProcess(['org', 'create', '--name', 'Metaal Twente', '--slug', 'mt-hengelo', '--employees=80'], target.env);
		expect(chosen).toMatchObject({ code: 0, stdout: 'mt-hengelo\n' });

		const taken = await runCliInProcess(['org', 'create', '--name', 'Ander', '--slug', 'mt-hengelo'], target.env);
		expect(taken.code).toBe(2);
		expect(taken.stderr).toContain("De slug 'mt-hengelo' is al in gebruik.");

		const h = await target.open();
		try {
			const rows = await h.db
				.select({ slug: firm.slug, sector: firm.sector, province: firm.province, employees: firm.employees, sizeClass: firm.sizeClass })
				.from(firm)
				.orderBy(asc(firm.slug));
			expect(rows).toEqual([
				{ slug: 'bakkerij-de-korenaar', sector: 'industrie', province: 'utrecht', employees: 12, sizeClass: '10-49' },
				{ slug: 'bakkerij-de-korenaar-2', sector: 'overig', province: 'onbekend', employees: 1, sizeClass: '1-9' },
				{ slug: 'mt-hengelo', sector: 'overig', province: 'onbekend', employees: 80, sizeClass: '50-249' }
			]);
		} finally {
			await h.close();
		}
	}, 180_000);
});

describe(`leerkompas firm create, and --firm beside --org (${targetKind})`, () => {
	it('makes a firm under the new name as under the old one, and a round finds it by --firm and by --org', async () => {
		const made = await runCliInProcess(['firm', 'create', '--name', 'Garage Vos', '--employees', '7'], target.env);
		expect(made).toMatchObject({ code: 0, stdout: 'garage-vos\n' });
		expect(made.stderr).toContain("Bedrijf 'Garage Vos' is aangemaakt.");
		const byFirm = await runCliInProcess(['round', 'create', '--firm', 'garage-vos', '--name', 'Voorjaar'], target.env);
		expect(byFirm.code, byFirm.stderr).toBe(0);
		const byOrg = await runCliInProcess(['round', 'create', '--org', 'garage-vos', '--name', 'Najaar'], target.env);
		expect(byOrg.code, byOrg.stderr).toBe(0);
		const h = await target.open();
		try {
			expect((await h.db.select({ slug: firm.slug }).from(firm)).map((f) => f.slug)).toEqual(['garage-vos']);
		} finally {
			await h.close();
		}
	}, 180_000);
});

describe(`leerkompas create-admin (${targetKind})`, () => {
	it('prints a one-time setup link that the database accepts once', async () => {
		const r = await runCliInProcess(['create-admin'], target.env);
		expect(r.code).toBe(0);
		const match = /^http:\/\/localhost:3000\/setup\/([A-Za-z0-9_-]{43})\n$/.exec(r.stdout);
		expect(match, r.stdout).not.toBeNull();
		expect(r.stderr).toContain('binnen 24 uur');

		const other = await runCliInProcess(['--lang', 'en', 'create-admin'], { ...target.env, ORIGIN: 'https://leerkompas.example.nl/' });
		expect(other.code).toBe(0);
		expect(other.stdout).toMatch(/^https:\/\/leerkompas\.example\.nl\/setup\/[A-Za-z0-9_-]{43}\n$/);
		expect(other.stderr).toContain('within 24 hours');

		const h = await target.open();
		try {
			const token = match?.[1] ?? '';
			expect(await consumeAdminSetupToken(h.db, token)).toBe('ok');
			expect(await consumeAdminSetupToken(h.db, token)).toBe('used');
		} finally {
			await h.close();
		}
	}, 120_000);

	it('says plainly when the configuration is wrong', async () => {
		const r = await runCliInProcess(['create-admin'], { ...target.env, PORT: 'abc' });
		expect(r.code).toBe(1);
		expect(r.stdout).toBe('');
		expect(r.stderr).toContain('Fout: De instellingen in de omgevingsvariabelen kloppen niet:');
		expect(r.stderr).toContain('PORT');
		expect(hasStackTrace(r.stderr)).toBe(false);
	});
});
