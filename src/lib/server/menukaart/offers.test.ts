import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKind, openTestDatabase } from '../../../../tests/helpers/database';
import { makeUser } from '../../../../tests/helpers/factories';
import type { DatabaseHandle } from '../db/client';
import { setOfferArchived } from './archive-offer';
import { findOffer, listOffers, offersForFirm } from './list-offers';
import { saveOffer } from './save-offer';
import { offerInputFromForm } from './save-offer.schema';

let h: DatabaseHandle;
let coordinatorId: string;
beforeAll(async () => {
	h = await openTestDatabase();
	coordinatorId = (await makeUser(h.db, { role: 'coordinator' })).id;
});
afterAll(async () => {
	await h.close();
});

function form(fields: [string, string][]): FormData {
	const f = new FormData();
	for (const [k, v] of fields) f.append(k, v);
	return f;
}

const complete: [string, string][] = [
	['kind', 'opleiding'],
	['title', 'Leermeester in de bouw'],
	['provider', 'Bouwopleiding Noord'],
	['description', 'Drie avonden over het inwerken van nieuwe collega’s op de bouwplaats.'],
	['url', 'https://example.nl/leermeester'],
	['regions', 'groningen'],
	['regions', 'drenthe'],
	['sectors', 'bouw'],
	['aspects', 'samen'],
	['costText', ''],
	['costBand', 'laag'],
	['funding', 'oo-fonds'],
	['startsOn', '2026-09-01'],
	['endsOn', '']
];

describe(`the menukaart (${databaseKind})`, () => {
	it('stores an offer typed in the form, with several regions', async () => {
		const result = await saveOffer(h.db, { offer: offerInputFromForm(form(complete)), userId: coordinatorId });
		expect(result.ok).toBe(true);
		const stored = await findOffer(h.db, (result as { id: string }).id);
		expect(stored).toMatchObject({ title: 'Leermeester in de bouw', regions: ['groningen', 'drenthe'], sectors: ['bouw'], costText: null, costBand: 'laag', endsOn: null, archived: false });
	});

	it('reports each field to fix and stores nothing', async () => {
		const before = (await listOffers(h.db)).length;
		const bad = form([['kind', 'cursus'], ['title', ''], ['url', 'http://example.nl'], ['startsOn', '2026-13-01']]);
		const result = await saveOffer(h.db, { offer: offerInputFromForm(bad), userId: coordinatorId });
		expect(result.ok).toBe(false);
		const errors = (result as { errors: Record<string, true> }).errors;
		for (const field of ['kind', 'title', 'provider', 'regions', 'funding', 'url', 'startsOn', 'description', 'cost']) expect(errors, field).toHaveProperty(field);
		expect((await listOffers(h.db)).length).toBe(before);
	});

	it('treats "all sectors" or no sector ticked as every sector', async () => {
		const all = complete.filter(([k]) => k !== 'sectors').concat([['allSectors', 'on'], ['sectors', 'horeca']]);
		const result = await saveOffer(h.db, { offer: offerInputFromForm(form(all)), userId: coordinatorId });
		expect((await findOffer(h.db, (result as { id: string }).id))?.sectors).toBe('all');
	});

	it('shows a firm the offers for its province and sector, and stops once archived', async () => {
		const title = `Regionaal leernetwerk ${Date.now()}`;
		const fields = complete.map(([k, v]): [string, string] => (k === 'title' ? [k, title] : k === 'regions' ? [k, 'zeeland'] : [k, v]));
		const { id } = (await saveOffer(h.db, { offer: offerInputFromForm(form(fields)), userId: coordinatorId })) as { id: string };
		const titles = async (province: string, sector: string) => (await offersForFirm(h.db, { province, sector }, '2026-06-01')).map((o) => o.title);
		expect(await titles('zeeland', 'bouw')).toContain(title);
		expect(await titles('zeeland', 'horeca')).not.toContain(title);
		expect(await titles('limburg', 'bouw')).not.toContain(title);
		expect(await setOfferArchived(h.db, { id, archived: true, userId: coordinatorId })).toBe(true);
		expect(await titles('zeeland', 'bouw')).not.toContain(title);
		expect((await findOffer(h.db, id))?.archived).toBe(true);
		await setOfferArchived(h.db, { id, archived: false, userId: coordinatorId });
		expect(await titles('zeeland', 'bouw')).toContain(title);
	});

	it('changes an existing offer, and answers not found for an unknown one', async () => {
		const { id } = (await saveOffer(h.db, { offer: offerInputFromForm(form(complete)), userId: coordinatorId })) as { id: string };
		const changed = complete.map(([k, v]): [string, string] => (k === 'provider' ? [k, 'Vakschool Oost'] : [k, v]));
		expect(await saveOffer(h.db, { id, offer: offerInputFromForm(form(changed)), userId: coordinatorId })).toEqual({ ok: true, id });
		expect((await findOffer(h.db, id))?.provider).toBe('Vakschool Oost');
		const unknown = await saveOffer(h.db, { id: '00000000-0000-4000-8000-000000000000', offer: offerInputFromForm(form(changed)), userId: coordinatorId });
		expect(unknown).toEqual({ ok: false, notFound: true });
		expect(await findOffer(h.db, 'geen-uuid')).toBeNull();
	});
});
