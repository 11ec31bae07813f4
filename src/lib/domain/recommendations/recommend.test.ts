import { describe, expect, it } from 'vitest';
import { loadInstrument } from '../instrument/load';
import { buildReport, summaryOfAspects, type Report } from '../report';
import type { KnowledgeEntry } from '../knowledge/entry';
import { focusOfReport, recommend, type FirmProfile } from './recommend';

const instrument = loadInstrument('v1');
const empty = buildReport({ instrument, responses: [], invited: null, openAnswersVerbatim: false, locale: 'nl' });

type Means = Record<string, { employee: number | null; owner?: number | null; favourable?: number }>;

/** A report whose aspects have these means; employee figures shown unless said otherwise. */
function reportWith(means: Means, options: { employeeFigures?: boolean; withheld?: Report['withheld'] } = {}): Report {
	const employeeFigures = options.employeeFigures ?? true;
	return {
		...empty,
		employeeFigures,
		withheld: options.withheld ?? [],
		aspects: empty.aspects.map((a) => {
			const m = means[a.id];
			const employee = employeeFigures ? (m?.employee ?? null) : null;
			const owner = m?.owner ?? null;
			return {
				...a,
				employee: { n: employee === null ? null : 8, mean: employee, sd: employee === null ? null : 0.6, ci95: null, favourable: employee === null ? null : (m?.favourable ?? 0.5), alpha: null },
				owner: { n: owner === null ? 0 : 1, mean: owner },
				gap: owner !== null && employee !== null ? owner - employee : null
			};
		})
	};
}

let counter = 0;
function entry(parts: Partial<KnowledgeEntry> & Pick<KnowledgeEntry, 'aspects'>): KnowledgeEntry {
	counter++;
	return {
		slug: `tip-${counter}`,
		title: `Tip ${counter}`,
		summary: 'Een korte zin.',
		summaryEn: 'A short sentence.',
		kind: 'werkvorm',
		worries: [],
		targetGroup: 'eigenaar en team',
		sizes: ['1-9', '10-49', '50-249'],
		sectors: 'all',
		evidence: 'praktijkervaring',
		cost: 'midden',
		time: 'een middag',
		helpers: [],
		funding: ['geen'],
		keywords: [],
		sources: [{ title: 'Bron', url: 'https://example.org' }],
		body: 'Tekst.',
		...parts
	};
}

const firm: FirmProfile = { worry: null, sector: 'bouw', sizeClass: '1-9' };
// ruimte lowest, samen second lowest; leiding has the largest gap (owner 4.6 against 3.6).
const means: Means = {
	werk: { employee: 3.9, owner: 4.0 },
	ruimte: { employee: 2.4, owner: 2.6 },
	samen: { employee: 2.9, owner: 3.0 },
	leiding: { employee: 3.6, owner: 4.6 },
	organisatie: { employee: 3.5, owner: 3.4 },
	buitenwereld: { employee: 3.8, owner: 4.0 }
};

describe('focusOfReport', () => {
	it('names the two weakest aspects by employee mean, the worry and the largest owner-employee gap', () => {
		expect(focusOfReport(reportWith(means), 'behouden')).toEqual([
			{ kind: 'weakest', aspect: 'ruimte', rank: 1 },
			{ kind: 'worry', worry: 'behouden' },
			{ kind: 'weakest', aspect: 'samen', rank: 2 },
			{ kind: 'gap', aspect: 'leiding', ownerHigher: true }
		]);
	});

	it('breaks a tie in means as the report summary does: lower favourable share, then the later aspect', () => {
		const tied = reportWith({ ...means, ruimte: { employee: 2.9, favourable: 0.4 }, samen: { employee: 2.9, favourable: 0.3 } });
		expect(focusOfReport(tied, null).slice(0, 2).map((f) => f.kind !== 'worry' && f.aspect)).toEqual(['samen', 'ruimte']);
		const same = reportWith({ ...means, ruimte: { employee: 2.9 }, samen: { employee: 2.9 } });
		expect(focusOfReport(same, null)[0]).toEqual({ kind: 'weakest', aspect: 'samen', rank: 1 });
		for (const r of [tied, same]) {
			const weakest = focusOfReport(r, null).slice(0, 2).map((f) => f.kind !== 'worry' && f.aspect);
			expect(weakest).toEqual(summaryOfAspects(r.aspects, true, 'nl').summary.toGrow);
		}
	});

	it('leaves out an aspect whose figure is withheld or hidden, also for the gap', () => {
		const report = reportWith({ ...means, samen: { employee: null, owner: 1.0 } }, { withheld: [{ measure: 'aspect:organisatie', group: null, shownFrom: null }] });
		// organisatie (3.5, withheld) and samen (no figure) are out; ruimte and leiding are the two lowest left.
		const focus = focusOfReport({ ...report, aspects: report.aspects.map((a) => (a.id === 'organisatie' ? { ...a, employee: { ...a.employee, n: null, mean: null } } : a)) }, null);
		expect(focus).toEqual([
			{ kind: 'weakest', aspect: 'ruimte', rank: 1 },
			{ kind: 'weakest', aspect: 'leiding', rank: 2 },
			{ kind: 'gap', aspect: 'leiding', ownerHigher: true }
		]);
	});

	it('still ranks a withheld total that shows an earlier figure, so \u201cthe lowest\u201d stays true, but never recommends for it', () => {
		// ruimte shows version 1's figure (2.4) in place of its hidden total: it is still the lowest on the page.
		const report = reportWith(means, { withheld: [{ measure: 'aspect:ruimte', group: null, shownFrom: 1 }] });
		const focus = focusOfReport(report, null);
		expect(focus).toEqual([
			{ kind: 'weakest', aspect: 'samen', rank: 2 },
			{ kind: 'gap', aspect: 'leiding', ownerHigher: true }
		]);
	});

	it('needs a gap of at least half a point', () => {
		const small = reportWith({ ...means, leiding: { employee: 3.6, owner: 4.05 } });
		expect(focusOfReport(small, null).some((f) => f.kind === 'gap')).toBe(false);
	});

	it('without employee figures uses only the owner\u2019s own answers and the worry, and no gap', () => {
		const focus = focusOfReport(reportWith(means, { employeeFigures: false }), 'inwerken');
		expect(focus).toEqual([
			{ kind: 'own-view', aspect: 'ruimte', rank: 1 },
			{ kind: 'worry', worry: 'inwerken' },
			{ kind: 'own-view', aspect: 'samen', rank: 2 }
		]);
		expect(focusOfReport(reportWith({}, { employeeFigures: false }), null)).toEqual([]);
	});
});

describe('recommend', () => {
	const onRuimte = entry({ slug: 'fouten-bespreken', aspects: ['ruimte'] });
	const onSamen = entry({ slug: 'kennis-delen', aspects: ['samen'] });
	const onLeiding = entry({ slug: 'ontwikkelgesprek', aspects: ['leiding'] });
	const onWorry = entry({ slug: 'blijfgesprek', aspects: ['werk'], worries: ['behouden'] });
	const unrelated = entry({ slug: 'klantdagen', aspects: ['buitenwereld'], worries: ['vernieuwing'] });
	const entries = [unrelated, onLeiding, onWorry, onSamen, onRuimte];

	it('gives each weakest aspect, the worry and the gap at least one entry, with the reason that names it', () => {
		const list = recommend({ report: reportWith(means), firm: { ...firm, worry: 'behouden' }, entries });
		const bySlug = new Map(list.map((r) => [r.entry.slug, r]));
		expect(bySlug.get('fouten-bespreken')?.reasons).toEqual([{ kind: 'weakest', aspect: 'ruimte', rank: 1 }]);
		expect(bySlug.get('fouten-bespreken')?.aspects).toEqual(['ruimte']);
		expect(bySlug.get('kennis-delen')?.reasons).toEqual([{ kind: 'weakest', aspect: 'samen', rank: 2 }]);
		expect(bySlug.get('ontwikkelgesprek')?.reasons).toEqual([{ kind: 'gap', aspect: 'leiding', ownerHigher: true }]);
		expect(bySlug.get('blijfgesprek')?.reasons).toEqual([{ kind: 'worry', worry: 'behouden' }]);
		expect(bySlug.get('blijfgesprek')).toMatchObject({ aspects: [], worries: ['behouden'] });
		// An entry that answers to nothing in the report is never recommended.
		expect(bySlug.has('klantdagen')).toBe(false);
		expect(list).toHaveLength(4);
	});

	it('never recommends for a hidden aspect', () => {
		const report = reportWith({ ...means, samen: { employee: null, owner: 2.0 } }, { withheld: [{ measure: 'aspect:ruimte', group: null, shownFrom: null }] });
		const list = recommend({ report, firm, entries });
		expect(list.map((r) => r.entry.slug)).not.toContain('fouten-bespreken');
		expect(list.map((r) => r.entry.slug)).not.toContain('kennis-delen');
		expect(list.flatMap((r) => r.aspects)).not.toContain('ruimte');
		expect(list.flatMap((r) => r.reasons).some((f) => f.kind !== 'worry' && (f.aspect === 'ruimte' || f.aspect === 'samen'))).toBe(false);
	});

	it('leaves out entries made for other sectors and ranks entries for another size lower', () => {
		const forBakers = entry({ slug: 'a-bakkers', aspects: ['ruimte'], sectors: ['industrie'], evidence: 'effectief-sterke', cost: 'geen' });
		const forLarge = entry({ slug: 'b-groot', aspects: ['ruimte'], sizes: ['50-249'] });
		const forSmall = entry({ slug: 'c-klein', aspects: ['ruimte'], sizes: ['1-9'] });
		const list = recommend({ report: reportWith(means), firm, entries: [forBakers, forLarge, forSmall] });
		expect(list.map((r) => r.entry.slug)).toEqual(['c-klein', 'b-groot']);
		expect(list[0]!.score).toBeGreaterThan(list[1]!.score);
	});

	it('prefers stronger evidence and lower cost among entries on the same aspect, and breaks ties by slug', () => {
		const plain = entry({ slug: 'a-plain', aspects: ['ruimte'] });
		const proven = entry({ slug: 'b-proven', aspects: ['ruimte'], evidence: 'effectief-goede' });
		const free = entry({ slug: 'c-free', aspects: ['ruimte'], cost: 'geen' });
		const twin = entry({ slug: 'd-plain', aspects: ['ruimte'] });
		const list = recommend({ report: reportWith(means), firm, entries: [twin, free, plain, proven] });
		expect(list.map((r) => r.entry.slug)).toEqual(['b-proven', 'c-free', 'a-plain', 'd-plain']);
	});

	it('gives 3 to 5 entries when enough fit, and the same list for the same input', () => {
		const many = Array.from({ length: 12 }, (_, i) => entry({ slug: `tip-ruimte-${String(i).padStart(2, '0')}`, aspects: ['ruimte'] }));
		const list = recommend({ report: reportWith(means), firm: { ...firm, worry: 'behouden' }, entries: [...many, ...entries] });
		expect(list.length).toBeGreaterThanOrEqual(3);
		expect(list.length).toBeLessThanOrEqual(5);
		// The worry and the gap still get their own entry among many entries on the weakest aspect.
		expect(list.map((r) => r.entry.slug)).toEqual(expect.arrayContaining(['blijfgesprek', 'ontwikkelgesprek', 'kennis-delen']));
		const again = recommend({ report: reportWith(means), firm: { ...firm, worry: 'behouden' }, entries: [...entries, ...many].reverse() });
		expect(again.map((r) => r.entry.slug)).toEqual(list.map((r) => r.entry.slug));
	});

	it('ranks an entry that answers to several focus points above one that answers to one', () => {
		const both = entry({ slug: 'z-both', aspects: ['ruimte'], worries: ['behouden'] });
		const list = recommend({ report: reportWith(means), firm: { ...firm, worry: 'behouden' }, entries: [...entries, both] });
		expect(list[0]?.entry.slug).toBe('z-both');
		expect(list[0]?.reasons).toEqual([{ kind: 'weakest', aspect: 'ruimte', rank: 1 }, { kind: 'worry', worry: 'behouden' }]);
	});

	it('without employee figures recommends on the owner\u2019s answers and the worry only', () => {
		const list = recommend({ report: reportWith(means, { employeeFigures: false }), firm: { ...firm, worry: 'behouden' }, entries });
		expect(list.flatMap((r) => r.reasons).map((f) => f.kind).sort()).toEqual(['own-view', 'own-view', 'worry']);
		expect(list.map((r) => r.entry.slug)).not.toContain('ontwikkelgesprek');
		expect(recommend({ report: reportWith({}, { employeeFigures: false }), firm, entries })).toEqual([]);
	});
});
