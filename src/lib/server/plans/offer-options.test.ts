import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKind, openTestDatabase } from '../../../../tests/helpers/database';
import { makeUser } from '../../../../tests/helpers/factories';
import type { DatabaseHandle } from '../db/client';
import { menukaartOffer } from '../db/schema';
import { offerOptions } from './offer-options';

let h: DatabaseHandle;
beforeAll(async () => {
	h = await openTestDatabase();
});
afterAll(async () => {
	await h?.close();
});

describe(`the offers a plan's goal can name (${databaseKind})`, () => {
	it('leaves out ended offers, except the one a plan already names, so saving the plan again keeps it', async () => {
		const coordinator = await makeUser(h.db);
		const offer = (title: string, endsOn: string | null) => ({ kind: 'opleiding' as const, title, provider: 'ROC', regions: ['gelderland'], sectors: 'all' as const, aspects: ['werk' as const], costText: null, costBand: 'laag' as const, funding: ['geen' as const], startsOn: null, endsOn, url: 'https://example.nl/cursus', description: 'Een cursus.', createdBy: coordinator.id, updatedBy: coordinator.id });
		const [ended] = await h.db.insert(menukaartOffer).values(offer(`Lassen, afgelopen ${Date.now()}`, '2026-01-31')).returning();
		const [running] = await h.db.insert(menukaartOffer).values(offer(`Lassen, loopt ${Date.now()}`, null)).returning();
		const ids = async (picked: Parameters<typeof offerOptions>[2]) => (await offerOptions(h.db, '2026-06-01', picked)).map((o) => o.id);

		expect(await ids([])).toContain(running!.id);
		expect(await ids([])).not.toContain(ended!.id);
		expect(await ids([{ goals: [{ offerId: ended!.id }, { offerId: null }] }])).toContain(ended!.id);
	});
});
