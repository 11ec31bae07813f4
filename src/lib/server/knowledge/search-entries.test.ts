import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKind, openTestDatabase } from '../../../../tests/helpers/database';
import { entryFolder, FIXTURE_ENTRIES } from '../../../../tests/helpers/knowledge-fixtures';
import type { DatabaseHandle } from '../db/client';
import { loadEntryFiles } from './load-entry-files';
import { searchEntries } from './search-entries';
import { facetCounts, matchesFilters, type EntryFilters } from '../../domain/knowledge/filters';

let h: DatabaseHandle;
beforeAll(async () => {
	h = await openTestDatabase();
	const folder = entryFolder(FIXTURE_ENTRIES);
	try {
		await loadEntryFiles(h.db, folder.dir, { source: 'starter' });
	} finally {
		folder.remove();
	}
});
afterAll(async () => {
	await h.close();
});

const slugs = async (query: string, filters = {}) => (await searchEntries(h.db, query, filters)).hits.map((hit) => hit.slug);

describe(`knowledge-base search in Dutch (${databaseKind})`, () => {
	it('finds other forms of a word: "opleidingen" finds the entry about an "opleiding"', async () => {
		expect(await slugs('opleidingen')).toEqual(['opleidingsplan']);
		expect(await slugs('fout')).toEqual(['fouten-bespreken']);
	});

	it('forgives a typing mistake in a title word ("leerambasadeur")', async () => {
		expect(await slugs('leerambasadeur')).toEqual(['leerambassadeur']);
	});

	it('finds a part of a compound through the keywords and titles ("ambassadeur")', async () => {
		expect(await slugs('ambassadeur')).toEqual(['leerambassadeur']);
	});

	it('ranks a title match above a match in the body only', async () => {
		// "leerambassadeur" is in its own title; "collega" is in two summaries or bodies.
		const hits = (await searchEntries(h.db, 'leerambassadeur collega')).hits;
		expect(hits[0]?.slug).toBe('leerambassadeur');
	});

	it('finds nothing for words that are in no entry, and every entry without words', async () => {
		expect(await slugs('zeilboot')).toEqual([]);
		expect((await slugs('')).length).toBe(3);
	});

	it('narrows by filters and counts per filter value for the current words', async () => {
		expect(await slugs('', { aspect: 'samen' })).toEqual(['leerambassadeur']);
		// An entry for some sectors only is out of other sectors; an entry for all sectors stays in.
		expect((await slugs('', { sector: 'horeca' })).sort()).toEqual(['fouten-bespreken', 'leerambassadeur']);
		expect(await slugs('', { sector: 'bouw', size: '50-249' })).toEqual(['opleidingsplan']);
		expect(await slugs('', { kind: 'werkvorm', cost: 'geen', evidence: 'goed-onderbouwd', worry: 'inwerken' })).toEqual(['fouten-bespreken']);

		const all = await searchEntries(h.db, '', { kind: 'werkvorm' });
		// The kind's own counts ignore the kind chosen, so the other choices say what they would give.
		expect(all.facets.kind).toMatchObject({ werkvorm: 2, interventie: 1, onderzoek: 0 });
		// The other filters count within the werkvormen.
		expect(all.facets.aspect).toMatchObject({ organisatie: 1, ruimte: 1, samen: 0 });
		expect(all.facets.sector).toMatchObject({ bouw: 2, horeca: 1 });

		const worded = await searchEntries(h.db, 'opleidingen');
		expect(worded.facets.kind).toMatchObject({ werkvorm: 1, interventie: 0 });
		expect(worded.facets.cost).toMatchObject({ midden: 1, geen: 0 });
	});

	it('takes any text as words without an error', async () => {
		for (const q of ["'", '"', 'a & b | !c', '((', 'or -', '<script>', '%_\\']) await expect(searchEntries(h.db, q)).resolves.toBeDefined();
	});

	it('counts in the database exactly as the rules in the domain count, and sends only the page asked for', async () => {
		const every = (await searchEntries(h.db, '')).hits;
		const combinations: [string, EntryFilters][] = [
			['', {}],
			['', { kind: 'werkvorm' }],
			['', { sector: 'horeca', size: '10-49' }],
			['', { aspect: 'ruimte', cost: 'geen', evidence: 'goed-onderbouwd', worry: 'inwerken' }],
			['opleidingen', {}],
			['leerambasadeur', { sector: 'bouw' }],
			['zeilboot', { kind: 'onderzoek' }]
		];
		for (const [words, filters] of combinations) {
			const matches = words === '' ? every : (await searchEntries(h.db, words)).hits;
			const result = await searchEntries(h.db, words, filters);
			expect(result.facets, `${words} ${JSON.stringify(filters)}`).toEqual(facetCounts(matches, filters));
			// The filters leave the order of the best matches as it was: ranked the same with or without them.
			expect(result.hits.map((hit) => hit.slug)).toEqual(matches.filter((m) => matchesFilters(m, filters)).map((m) => m.slug));
			expect(result.total).toBe(result.hits.length);
		}
		const first = await searchEntries(h.db, '', {}, { limit: 2 });
		const rest = await searchEntries(h.db, '', {}, { limit: 2, offset: 2 });
		expect(first.total).toBe(3);
		expect(first.hits).toHaveLength(2);
		expect([...first.hits, ...rest.hits].map((hit) => hit.slug)).toEqual(every.map((hit) => hit.slug));
		expect(first.facets).toEqual((await searchEntries(h.db, '')).facets);
		expect((await searchEntries(h.db, 'leerambassadeur', {}, { limit: 0 })).total).toBe(1);
	});
});
