import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { databaseKind, openTestDatabase } from '../../../../tests/helpers/database';
import type { DatabaseHandle } from '../db/client';
import { firm } from '../db/schema';
import { createFirm } from './create-firm';
import { updateFirmProfile } from './update-firm-profile';

const profile = { name: 'Bouwbedrijf Van Dijk', employees: '8', sector: 'bouw', province: 'gelderland', worry: 'behouden' };

describe(`updateFirmProfile (${databaseKind})`, () => {
	let h: DatabaseHandle;
	let firmId: string;
	let otherId: string;
	beforeEach(async () => {
		h = await openTestDatabase();
		const made = await createFirm(h.db, { name: 'Van Dijk', slug: 'van-dijk', employees: 30, sector: 'installatie', province: 'onbekend' });
		const other = await createFirm(h.db, { name: 'Ander', slug: 'ander', employees: 12, sector: 'horeca', province: 'utrecht' });
		if (!made.ok || !other.ok) throw new Error('setup');
		firmId = made.firm.id;
		otherId = other.firm.id;
	});
	afterEach(async () => {
		await h.close();
	});

	it('stores the profile and the worry, with a size class that follows the employees, and keeps the slug', async () => {
		const result = await updateFirmProfile(h.db, firmId, profile);
		expect(result.ok).toBe(true);
		const [row] = await h.db.select().from(firm).where(eq(firm.id, firmId));
		expect(row).toMatchObject({ slug: 'van-dijk', name: 'Bouwbedrijf Van Dijk', employees: 8, sizeClass: '1-9', sector: 'bouw', province: 'gelderland', worry: 'behouden' });
		const [other] = await h.db.select().from(firm).where(eq(firm.id, otherId));
		expect(other).toMatchObject({ name: 'Ander', sector: 'horeca', worry: null });
	});

	it('clears the worry with "geen" or when none is chosen', async () => {
		await updateFirmProfile(h.db, firmId, profile);
		await updateFirmProfile(h.db, firmId, { ...profile, worry: 'geen' });
		expect((await h.db.select().from(firm).where(eq(firm.id, firmId)))[0]?.worry).toBeNull();
		await updateFirmProfile(h.db, firmId, profile);
		await updateFirmProfile(h.db, firmId, { ...profile, worry: undefined });
		expect((await h.db.select().from(firm).where(eq(firm.id, firmId)))[0]?.worry).toBeNull();
	});

	it('refuses what a new firm may not have, says which field, and changes nothing', async () => {
		const result = await updateFirmProfile(h.db, firmId, { name: ' ', employees: '250', sector: 'bakkerij', province: 'vlaanderen', worry: 'geld' });
		expect(result).toEqual({ ok: false, errors: { name: 'required', employees: 'too_many', sector: 'unknown', province: 'unknown', worry: 'unknown' } });
		const [row] = await h.db.select().from(firm).where(eq(firm.id, firmId));
		expect(row).toMatchObject({ name: 'Van Dijk', employees: 30, sizeClass: '10-49', sector: 'installatie', worry: null });
	});

	it('accepts a former sector id and stores the id it became', async () => {
		const result = await updateFirmProfile(h.db, firmId, { ...profile, sector: 'metaal' });
		expect(result.ok && result.firm.sector).toBe('metaal-techniek');
	});
});
