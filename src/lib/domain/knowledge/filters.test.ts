import { describe, expect, it } from 'vitest';
import { changedFields } from './changes';
import type { KnowledgeEntry } from './entry';
import { facetCounts, matchesFilters, type FilterFacts } from './filters';

const facts = (overrides: Partial<FilterFacts>): FilterFacts => ({ aspects: ['samen'], worries: [], kind: 'werkvorm', sectors: [], sizes: ['1-9'], cost: 'geen', evidence: 'praktijkervaring', ...overrides });

describe('knowledge-base filters', () => {
	it('lets an entry for every sector through any sector filter, and one for some sectors only through those', () => {
		expect(matchesFilters(facts({}), { sector: 'horeca' })).toBe(true);
		expect(matchesFilters(facts({ sectors: ['bouw'] }), { sector: 'horeca' })).toBe(false);
		expect(matchesFilters(facts({ sectors: ['bouw'] }), { sector: 'bouw', aspect: 'samen' })).toBe(true);
	});

	it('counts each value with the other filters applied, not its own', () => {
		const items = [facts({ kind: 'werkvorm', cost: 'geen' }), facts({ kind: 'interventie', cost: 'geen' }), facts({ kind: 'werkvorm', cost: 'hoog' })];
		const counts = facetCounts(items, { kind: 'werkvorm', cost: 'geen' });
		expect(counts.kind).toMatchObject({ werkvorm: 1, interventie: 1 });
		expect(counts.cost).toMatchObject({ geen: 1, hoog: 1, laag: 0 });
		expect(counts.aspect.samen).toBe(1);
	});
});

describe('changes between versions', () => {
	it('names the fields that differ', () => {
		const entry: KnowledgeEntry = { slug: 'x', title: 'A', summary: 's', summaryEn: 's', kind: 'werkvorm', aspects: ['samen'], worries: [], targetGroup: 't', sizes: ['1-9'], sectors: 'all', evidence: 'praktijkervaring', cost: 'geen', time: 't', helpers: [], funding: ['geen'], keywords: [], sources: [{ title: 'b', url: 'https://example.org' }], body: 'b' };
		expect(changedFields({ ...entry, aspects: ['samen'] }, { ...entry, title: 'B', aspects: ['samen', 'werk'] })).toEqual(['title', 'aspects']);
		expect(changedFields(null, { ...entry, aspects: ['samen'] })).toContain('body');
	});
});
