import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { databaseKind, openTestDatabase } from '../../../../tests/helpers/database';
import type { DatabaseHandle } from '../db/client';
import { firm, firmMember, user } from '../db/schema';
import { createFirm, firstFreeSlug, PROVINCES, SECTORS, sizeClassFor, slugFromName } from './create-firm';

const valid = { name: 'Bakkerij De Korenaar', employees: 12, sector: 'industrie', province: 'utrecht' };

describe('sizeClassFor', () => {
	it('puts each number of employees in its class', () => {
		expect([1, 9, 10, 49, 50, 249].map(sizeClassFor)).toEqual(['1-9', '1-9', '10-49', '10-49', '50-249', '50-249']);
	});
	it('has no class for 0, 250 and up, or fractions', () => {
		expect([0, -3, 250, 1000, 2.5, Number.NaN].map(sizeClassFor)).toEqual([null, null, null, null, null, null]);
	});
});

describe('lists', () => {
	it('has the twelve provinces plus onbekend, and overig among the sectors', () => {
		expect(PROVINCES).toHaveLength(13);
		expect(PROVINCES).toContain('onbekend');
		expect(PROVINCES).toContain('noord-brabant');
		expect(SECTORS).toContain('overig');
		expect(new Set(SECTORS).size).toBe(SECTORS.length);
	});
	it('has the sector ids that networks group by (DESIGN.md)', () => {
		expect([...SECTORS].sort()).toEqual(
			['bouw', 'installatie', 'metaal-techniek', 'industrie', 'zorg-welzijn', 'horeca', 'detailhandel', 'groothandel', 'transport-logistiek', 'landbouw', 'zakelijke-dienstverlening', 'ict', 'onderwijs', 'overheid', 'overig'].sort()
		);
	});
});

describe('slugFromName', () => {
	it('makes a readable slug', () => {
		expect(slugFromName('Bakkerij De Korenaar')).toBe('bakkerij-de-korenaar');
		expect(slugFromName('  Café  Één & Zonen B.V. ')).toBe('cafe-een-zonen-b-v');
	});
	it('pads names that leave too little, and keeps within 50 characters', () => {
		expect(slugFromName('AB')).toBe('ab-bedrijf');
		expect(slugFromName('!!!')).toBe('bedrijf');
		const long = slugFromName('Installatiebedrijf '.repeat(10));
		expect(long.length).toBeLessThanOrEqual(50);
		expect(long).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
	});
	it('adds a number that fits within 50 characters', () => {
		const base = 'a'.repeat(49) + 'b';
		const next = firstFreeSlug(base, new Set([base]));
		expect(next).toBe('a'.repeat(48) + '-2');
	});
});

describe(`createFirm (${databaseKind})`, () => {
	let h: DatabaseHandle;
	beforeEach(async () => {
		h = await openTestDatabase();
	});
	afterEach(async () => {
		await h.close();
	});

	it('stores a firm with a derived slug and size class', async () => {
		const result = await createFirm(h.db, valid);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.firm).toMatchObject({
			slug: 'bakkerij-de-korenaar',
			name: 'Bakkerij De Korenaar',
			sizeClass: '10-49',
			employees: 12,
			sector: 'industrie',
			province: 'utrecht'
		});
		const rows = await h.db.select().from(firm);
		expect(rows.map((r) => r.id)).toEqual([result.firm.id]);
	});

	it('accepts a former sector id, as scripts may still pass it, and stores the id it became', async () => {
		const result = await createFirm(h.db, { ...valid, sector: 'techniek-installatie' });
		expect(result.ok && result.firm.sector).toBe('installatie');
	});

	it('makes derived slugs unique with a number', async () => {
		const slugs: string[] = [];
		for (let i = 0; i < 3; i++) {
			const r = await createFirm(h.db, valid);
			if (!r.ok) throw new Error(JSON.stringify(r.errors));
			slugs.push(r.firm.slug);
		}
		expect(slugs).toEqual(['bakkerij-de-korenaar', 'bakkerij-de-korenaar-2', 'bakkerij-de-korenaar-3']);
	});

	it('keeps an explicit slug, lowercased, and refuses one that is taken', async () => {
		const first = await createFirm(h.db, { ...valid, slug: ' Korenaar-Zeist ' });
		expect(first.ok && first.firm.slug).toBe('korenaar-zeist');
		const second = await createFirm(h.db, { ...valid, name: 'Andere naam', slug: 'korenaar-zeist' });
		expect(second).toEqual({ ok: false, errors: { slug: 'taken' } });
		expect(await h.db.select().from(firm)).toHaveLength(1);
	});

	it('refuses bad slugs', async () => {
		for (const slug of ['ab', '-abc', 'abc-', 'a--b', 'bak_kerij', 'x'.repeat(51)]) {
			const r = await createFirm(h.db, { ...valid, slug });
			expect(r, slug).toEqual({ ok: false, errors: { slug: 'invalid' } });
		}
	});

	it('reads employees from form text and refuses what is out of range', async () => {
		const fromText = await createFirm(h.db, { ...valid, employees: ' 50 ' });
		expect(fromText.ok && fromText.firm.sizeClass).toBe('50-249');
		const cases: [number | string, string][] = [
			[250, 'too_many'],
			[1200, 'too_many'],
			[0, 'too_few'],
			[-4, 'too_few'],
			[3.5, 'not_integer'],
			['12.5', 'not_integer'],
			['twaalf', 'not_integer'],
			['', 'required']
		];
		for (const [employees, code] of cases) {
			const r = await createFirm(h.db, { ...valid, employees });
			expect(r, String(employees)).toEqual({ ok: false, errors: { employees: code } });
		}
		expect(await h.db.select().from(firm)).toHaveLength(1);
	});

	it('reports every wrong field at once', async () => {
		const r = await createFirm(h.db, { name: ' ', employees: 5, sector: 'ruimtevaart', province: 'bayern' });
		expect(r).toEqual({ ok: false, errors: { name: 'required', sector: 'unknown', province: 'unknown' } });
		const missing = await createFirm(h.db, { name: 'x'.repeat(121), employees: 5, sector: '', province: '' });
		expect(missing).toEqual({ ok: false, errors: { name: 'too_long', sector: 'required', province: 'required' } });
	});

	it('adds the owner as a member, and refuses an owner that does not exist', async () => {
		await h.db.insert(user).values({ id: 'u1', name: 'Anna', email: 'anna@example.nl' });
		const r = await createFirm(h.db, { ...valid, ownerUserId: 'u1' });
		if (!r.ok) throw new Error(JSON.stringify(r.errors));
		const members = await h.db.select().from(firmMember).where(eq(firmMember.firmId, r.firm.id));
		expect(members.map((m) => [m.userId, m.role])).toEqual([['u1', 'owner']]);

		const unknown = await createFirm(h.db, { ...valid, ownerUserId: 'nobody' });
		expect(unknown).toEqual({ ok: false, errors: { ownerUserId: 'unknown' } });
		expect(await h.db.select().from(firm)).toHaveLength(1);
	});
});
