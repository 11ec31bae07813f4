import { describe, expect, it } from 'vitest';
import { loadInstrument } from '../instrument/load';
import type { LearningAnswers, ScanResponse } from '../response';
import { buildReport, reportSchema, type Report, type ReportInput } from './index';

const instrument = loadInstrument('v1');

interface Parts {
	answers?: Record<string, number | null>;
	background?: Record<string, string | null>;
	learning?: Partial<LearningAnswers>;
	open?: Record<string, string | null>;
}

function response(perspective: ScanResponse['perspective'], parts: Parts = {}): ScanResponse {
	return {
		perspective,
		answers: parts.answers ?? {},
		background: parts.background ?? {},
		learning: {
			formal: null,
			nonFormal: null,
			informal: null,
			need: null,
			intention: null,
			barriers: [],
			...parts.learning
		},
		open: parts.open ?? {}
	};
}

const werk = (w1: number | null, w2: number | null, w3: number | null, w4: number | null, w5: number | null) => ({
	werk_1: w1,
	werk_2: w2,
	werk_3: w3,
	werk_4: w4,
	werk_5: w5
});

function report(overrides: Partial<ReportInput>): Report {
	const built = buildReport({
		instrument,
		responses: [],
		invited: null,
		openAnswersVerbatim: false,
		locale: 'nl',
		...overrides
	});
	// Every report must match the published schema exactly (no extra or missing fields).
	reportSchema.parse(built);
	assertNoBadNumbers(built);
	return built;
}

function assertNoBadNumbers(value: unknown, path = 'report'): void {
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) throw new Error(`${path} is ${value}`);
	} else if (Array.isArray(value)) {
		value.forEach((v, i) => assertNoBadNumbers(v, `${path}[${i}]`));
	} else if (value !== null && typeof value === 'object') {
		for (const [key, v] of Object.entries(value)) assertNoBadNumbers(v, `${path}.${key}`);
	}
}

const aspectOf = (r: Report, id: string) => {
	const found = r.aspects.find((a) => a.id === id);
	if (!found) throw new Error(`no aspect ${id}`);
	return found;
};
const itemOf = (r: Report, id: string) => {
	const found = r.items.find((i) => i.id === id);
	if (!found) throw new Error(`no item ${id}`);
	return found;
};

describe('buildReport: figures against hand computations (k = 3)', () => {
	// Aspect "werk": werk_5 is reverse-keyed (6 - answer).
	// e1: 4,4,4,4,2 -> scores 4,4,4,4,4 -> 4
	// e2: 5,5,9,-,1 -> scores 5,5,5 (3 of 5 answered) -> 5
	// e3: 2,2,2,-,- -> 3 of 5 answered -> 2
	// e4: 1,9,9,9,3 -> 2 of 5 answered -> missing
	const employees = [
		response('employee', { answers: werk(4, 4, 4, 4, 2) }),
		response('employee', { answers: werk(5, 5, 9, null, 1) }),
		response('employee', { answers: werk(2, 2, 2, null, null) }),
		response('employee', { answers: werk(1, 9, 9, 9, 3) })
	];
	const owner = response('owner', { answers: werk(5, 5, 5, 5, 1) });
	const r = report({ responses: employees, ownerResponses: [owner], threshold: 3 });

	it('counts respondents and shows employee figures', () => {
		expect(r.threshold).toBe(3);
		expect(r.respondents).toEqual({ employee: 4, owner: 1 });
		expect(r.employeeFigures).toBe(true);
		expect(r.selfScanOffered).toBe(false);
	});

	it('computes the aspect score of the group', () => {
		const a = aspectOf(r, 'werk');
		// scores 4, 5, 2: mean 11/3; squared deviations 1/9 + 16/9 + 25/9 = 42/9; var = 42/18 = 7/3.
		expect(a.employee.n).toBe(3);
		expect(a.employee.mean).toBeCloseTo(11 / 3, 12);
		expect(a.employee.sd).toBeCloseTo(Math.sqrt(7 / 3), 12);
		// t(0.975, 2) = 4.302653.
		const half = (4.302652729749464 * Math.sqrt(7 / 3)) / Math.sqrt(3);
		expect(a.employee.ci95?.[0]).toBeCloseTo(11 / 3 - half, 6);
		expect(a.employee.ci95?.[1]).toBeCloseTo(11 / 3 + half, 6);
		expect(a.employee.favourable).toBeCloseTo(2 / 3, 12);
		expect(a.employee.alpha).toBeNull();
		expect(a.owner).toEqual({ n: 1, mean: 5 });
		expect(a.gap).toBeCloseTo(5 - 11 / 3, 12);
	});

	it('leaves aspects nobody answered empty, not zero', () => {
		const a = aspectOf(r, 'ruimte');
		expect(a.employee).toEqual({ n: 0, mean: null, sd: null, ci95: null, favourable: null, alpha: null });
		expect(a.owner).toEqual({ n: 0, mean: null });
		expect(a.gap).toBeNull();
	});

	it('computes item figures with "weet ik niet" as missing but counted in the distribution', () => {
		const w1 = itemOf(r, 'werk_1');
		// 4, 5, 2, 1: mean 3; squared deviations 1 + 4 + 1 + 4 = 10; var 10/3.
		expect(w1.employee).toEqual({
			n: 4,
			mean: 3,
			sd: expect.closeTo(Math.sqrt(10 / 3), 12),
			favourable: 0.5,
			distribution: { '1': 1, '2': 1, '3': 0, '4': 1, '5': 1, '9': 0 }
		});
		const w2 = itemOf(r, 'werk_2');
		expect(w2.employee.n).toBe(3);
		expect(w2.employee.mean).toBeCloseTo(11 / 3, 12);
		expect(w2.employee.distribution).toEqual({ '1': 0, '2': 1, '3': 0, '4': 1, '5': 1, '9': 1 });
	});

	it('scores a reverse-keyed item before averaging, but shows the answers as given', () => {
		const w5 = itemOf(r, 'werk_5');
		// answers 2, 1, 3 -> scores 4, 5, 3.
		expect(w5.reverse).toBe(true);
		expect(w5.employee.mean).toBe(4);
		expect(w5.employee.favourable).toBeCloseTo(2 / 3, 12);
		expect(w5.employee.distribution).toEqual({ '1': 1, '2': 1, '3': 1, '4': 0, '5': 0, '9': 0 });
		// The owner answered 1: score 5.
		expect(w5.owner).toEqual({ n: 1, mean: 5 });
		expect(w5.gap).toBe(1);
	});

	it('shows no item figure resting on fewer than k answers', () => {
		const w4 = itemOf(r, 'werk_4');
		// One valid answer (4) and one "weet ik niet".
		expect(w4.employee).toEqual({ n: 1, mean: null, sd: null, favourable: null, distribution: null });
		expect(w4.gap).toBeNull();
	});

	it('ranks only aspects with a score', () => {
		expect(r.summary).toEqual({ strengths: ['werk'], toGrow: [] });
	});
});

describe('buildReport: fewer than k employees', () => {
	// Everyone agrees (4) with every statement, so reverse-keyed ones are answered 2 to score 4 too.
	const full = Object.fromEntries(instrument.items.map((i) => [i.id, i.reverse ? 2 : 4]));
	const r = report({
		responses: [
			response('employee', { answers: full, background: { age: '25_34' }, open: { open_strength: 'Top' } }),
			response('employee', { answers: full, learning: { formal: true } }),
			response('employee', { answers: full }),
			response('employee', { answers: full })
		],
		ownerResponses: [response('owner', { answers: full })],
		invited: 6,
		openAnswersVerbatim: true
	});

	it('shows no employee figure at all, and offers the self-scan instead', () => {
		expect(r.employeeFigures).toBe(false);
		expect(r.selfScanOffered).toBe(true);
		for (const a of r.aspects) {
			expect(a.employee).toEqual({ n: null, mean: null, sd: null, ci95: null, favourable: null, alpha: null });
			expect(a.gap).toBeNull();
		}
		for (const item of r.items) {
			expect(item.employee).toEqual({ n: null, mean: null, sd: null, favourable: null, distribution: null });
		}
		expect(r.breakdowns).toEqual([]);
		expect(r.learning).toBeNull();
		expect(r.guide).toBeNull();
		expect(r.summary).toEqual({ strengths: [], toGrow: [] });
		expect(r.open.questions.every((q) => q.answers === null && q.n === null)).toBe(true);
		expect(r.method.completeRespondents.werk).toBeNull();
	});

	it('still shows the owner\u2019s own view and the count', () => {
		expect(r.respondents).toEqual({ employee: 4, owner: 1 });
		expect(aspectOf(r, 'werk').owner.mean).toBe(4);
	});

	it('switches to figures at exactly k', () => {
		const five = report({
			responses: Array.from({ length: 5 }, () => response('employee', { answers: full })),
			invited: 6
		});
		expect(five.employeeFigures).toBe(true);
		expect(aspectOf(five, 'werk').employee.mean).toBe(4);
	});
});

describe('buildReport: response rate', () => {
	const five = Array.from({ length: 5 }, () => response('employee'));
	it.each([
		[10, { invited: 10, rate: 0.5, low: false }],
		[11, { invited: 11, rate: 5 / 11, low: true }],
		// more answers than invited: the link travelled further, and the rate stops at 100%
		[3, { invited: 3, rate: 1, low: false }],
		[null, { invited: null, rate: null, low: null }],
		[0, { invited: null, rate: null, low: null }]
	])('with %s invited', (invited, expected) => {
		expect(report({ responses: five, invited }).responseRate).toEqual(expected);
	});

	it('counts owner responses passed among the responses as owner responses', () => {
		const r = report({ responses: [...five, response('owner')], invited: 10 });
		expect(r.respondents).toEqual({ employee: 5, owner: 1 });
	});
});

describe('buildReport: strengths, aspects to grow and the discussion guide', () => {
	const levels: Record<string, number> = { werk: 5, ruimte: 4, samen: 3, leiding: 2, organisatie: 1, buitenwereld: 3 };
	const answers = Object.fromEntries(
		instrument.items.map((i) => {
			const level = levels[i.aspect] as number;
			return [i.id, i.reverse ? 6 - level : level];
		})
	);
	const r = report({
		responses: Array.from({ length: 5 }, () => response('employee', { answers })),
		locale: 'en'
	});

	it('puts the two strongest first and the two weakest to grow, weakest first', () => {
		expect(aspectOf(r, 'organisatie').employee.mean).toBe(1);
		// samen and buitenwereld tie at 3; neither is in the top or bottom two.
		expect(r.summary).toEqual({ strengths: ['werk', 'ruimte'], toGrow: ['organisatie', 'leiding'] });
	});

	it('gives how to keep each strength, and questions and steps for each aspect to grow', () => {
		const guide = r.guide;
		if (!guide) throw new Error('no guide');
		expect(guide.starters).toHaveLength(3);
		expect(guide.strengths.map((s) => s.aspect)).toEqual(['werk', 'ruimte']);
		for (const s of guide.strengths) expect(s.keep.length).toBeGreaterThan(0);
		expect(guide.toGrow.map((g) => g.aspect)).toEqual(['organisatie', 'leiding']);
		for (const g of guide.toGrow) {
			expect(g.questions.length).toBeGreaterThanOrEqual(2);
			expect(g.questions.length).toBeLessThanOrEqual(3);
			expect(g.steps.length).toBeGreaterThan(0);
		}
		expect(guide.toGrow[0]?.label).toBe('The firm is organised for learning');
	});
});

describe('buildReport: breakdowns, learning and open answers (k = 5, 15 employees)', () => {
	const werkAnswers = (i: number) => werk((i % 5) + 1, ((i + 1) % 5) + 1, ((i * 2) % 5) + 1, 3, (i % 3) + 1);
	const werkScore = (i: number) => {
		const a = werkAnswers(i) as Record<string, number>;
		return ((a.werk_1 as number) + (a.werk_2 as number) + (a.werk_3 as number) + (a.werk_4 as number) + (6 - (a.werk_5 as number))) / 5;
	};
	const texts = ['Veel hulp', 'Anders', 'Bakken', 'Collega\u2019s', 'Zelf proberen'];
	const employees = Array.from({ length: 15 }, (_, i) =>
		response('employee', {
			answers: {
				...werkAnswers(i),
				...(i === 9 || i === 10 ? {} : { samen_1: 4, samen_2: 4, samen_3: 4, samen_4: 4, samen_5: 4 })
			},
			background: {
				age: i < 4 ? '25_34' : i < 9 ? '35_44' : '45_54',
				work_type: i < 10 ? 'hands_on' : 'office',
				tenure: i === 0 ? null : '1_5',
				team: i % 2 === 0 ? 'A' : 'B'
			},
			learning: {
				formal: i < 3 ? true : i < 12 ? false : null,
				nonFormal: i < 4 ? true : null,
				informal: true,
				need: i < 10 ? (i % 5) + 1 : i < 13 ? 9 : null,
				barriers: i < 6 ? ['no_time', 'other'] : i < 8 ? ['cost'] : []
			},
			open: { open_strength: texts[i] ?? null, open_improve: i < 4 ? `Punt ${i}` : null }
		})
	);
	const r = report({ responses: employees, teams: ['A', 'B'], openAnswersVerbatim: true });
	const breakdown = (variable: string) => {
		const found = r.breakdowns.find((b) => b.variable === variable);
		if (!found) throw new Error(`no breakdown ${variable}`);
		return found;
	};

	it('hides a group of k - 1, and then the group of k, showing the group of k + 1', () => {
		const age = breakdown('age');
		expect(age.groups.map((g) => [g.category, g.n, g.suppressed])).toEqual([
			['under_25', null, true],
			['25_34', null, true],
			['35_44', null, true],
			['45_54', 6, false],
			['55_plus', null, true]
		]);
		const shown = age.groups[3];
		expect(shown?.aspects?.werk).toBeCloseTo([9, 10, 11, 12, 13, 14].reduce((s, i) => s + werkScore(i), 0) / 6, 12);
		expect(age.groups[1]?.aspects).toBeNull();
	});

	it('shows no group mean resting on fewer than k aspect scores', () => {
		// Two of the six in 45_54 skipped all samen items, leaving four scores.
		expect(breakdown('age').groups[3]?.aspects?.samen).toBeNull();
		expect(breakdown('work_type').groups[0]?.aspects?.samen).toBe(4);
	});

	it('counts people who skipped the question as hidden, and hides more to cover them', () => {
		// One person skipped tenure: showing 1_5 (14) would reveal that one by subtraction.
		expect(breakdown('tenure').groups.every((g) => g.suppressed)).toBe(true);
	});

	it('shows groups of k and more when nothing else is hidden', () => {
		expect(breakdown('work_type').groups.map((g) => [g.category, g.n, g.suppressed])).toEqual([
			['hands_on', 10, false],
			['office', 5, false],
			['both', null, true]
		]);
		expect(breakdown('team').groups.map((g) => [g.category, g.n])).toEqual([
			['A', 8],
			['B', 7]
		]);
	});

	it('computes Cronbach\u2019s alpha for an aspect with at least 10 complete respondents', () => {
		const rows = Array.from({ length: 15 }, (_, i) => {
			const a = werkAnswers(i) as Record<string, number>;
			return [a.werk_1, a.werk_2, a.werk_3, a.werk_4, 6 - (a.werk_5 as number)] as number[];
		});
		// Second method: through the covariance matrix.
		const n = rows.length;
		const k = 5;
		const means = Array.from({ length: k }, (_, j) => rows.reduce((s, row) => s + (row[j] as number), 0) / n);
		let trace = 0;
		let total = 0;
		for (let a = 0; a < k; a++) {
			for (let b = 0; b < k; b++) {
				const cov =
					rows.reduce((s, row) => s + ((row[a] as number) - (means[a] as number)) * ((row[b] as number) - (means[b] as number)), 0) /
					(n - 1);
				total += cov;
				if (a === b) trace += cov;
			}
		}
		expect(aspectOf(r, 'werk').employee.alpha).toBeCloseTo((k / (k - 1)) * (1 - trace / total), 10);
		// samen: 13 complete respondents but no variance at all.
		expect(r.method.completeRespondents.samen).toBe(13);
		expect(aspectOf(r, 'samen').employee.alpha).toBeNull();
	});

	it('summarises learning in practice', () => {
		const learning = r.learning;
		if (!learning) throw new Error('no learning');
		expect(learning.formal).toEqual({ n: 12, share: 0.25 });
		// Only four answered: too few to show a share.
		expect(learning.nonFormal).toEqual({ n: 4, share: null });
		expect(learning.informal).toEqual({ n: 15, share: 1 });
		// need: 1,2,3,4,5 twice -> mean 3, favourable 4/10; "weet ik niet" three times is missing.
		expect(learning.need).toEqual({ n: 10, mean: 3, favourable: 0.4 });
		expect(learning.intention).toEqual({ n: 0, mean: null, favourable: null });
	});

	it('ranks barriers by how often they were chosen, ties in codebook order', () => {
		const ranked = r.learning?.barriers.ranked ?? [];
		expect(r.learning?.barriers.respondents).toBe(15);
		expect(ranked.map((b) => [b.id, b.count])).toEqual([
			['no_time', 6],
			['other', 6],
			['cost', 2],
			['unknown_offer', 0],
			['school_experience', 0],
			['no_support', 0],
			['not_needed', 0]
		]);
		expect(ranked[0]?.share).toBe(0.4);
		expect(ranked[0]?.label).toBe('Ik heb er geen tijd voor');
	});

	it('shows open answers word for word, sorted, only when promised and at least k wrote one', () => {
		expect(r.open.verbatimPromised).toBe(true);
		const [strength, improve] = r.open.questions;
		expect(strength?.n).toBe(5);
		expect(strength?.answers).toEqual(['Anders', 'Bakken', 'Collega\u2019s', 'Veel hulp', 'Zelf proberen']);
		expect(improve?.n).toBe(4);
		expect(improve?.answers).toBeNull();
		const unpromised = report({ responses: employees, teams: ['A', 'B'], openAnswersVerbatim: false });
		expect(unpromised.open.verbatimPromised).toBe(false);
		expect(unpromised.open.questions.map((q) => q.answers)).toEqual([null, null]);
	});

	it('takes team categories from the answers when no team list is given', () => {
		const r2 = report({ responses: employees });
		expect(r2.breakdowns.find((b) => b.variable === 'team')?.groups.map((g) => g.category)).toEqual(['A', 'B']);
	});

	it('uses the threshold it is given, but never below 3', () => {
		expect(report({ responses: employees, threshold: 2 }).threshold).toBe(3);
		expect(r.method.minimumPerFigure).toBe(5);
		expect(r.method.reverseKeyedItems).toEqual(['werk_5', 'ruimte_4', 'organisatie_4']);
	});
});
