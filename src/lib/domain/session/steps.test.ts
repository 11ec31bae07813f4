import { describe, expect, it } from 'vitest';
import { loadInstrument } from '../instrument';
import { loadDiscussionGuide } from '../report/guide';
import type { Report } from '../report/schema';
import { locateStep, sessionPlan } from './steps';
import { buildRoundReport } from '../../server/report/publish/publish-report';
import { sampleResponses } from '../../server/report/sample-responses';

const instrument = loadInstrument('v1');
const guide = loadDiscussionGuide();

function report(employees: number): Report {
	const round = {
		id: '00000000-0000-4000-8000-000000000001',
		firmId: '00000000-0000-4000-8000-000000000002',
		name: 'Voorjaar',
		instrumentVersion: 'v1',
		opensOn: '2026-03-01',
		closesOn: '2026-03-31',
		status: 'open' as const,
		invited: employees,
		teams: [],
		threshold: 5,
		openAnswersVerbatim: false,
		supervisorName: null,
		origin: 'collected' as const,
		employees: 20,
		followups: []
	};
	return buildRoundReport(round, sampleResponses(instrument, employees, 'employee', { seed: 7, teams: [] }), sampleResponses(instrument, 1, 'owner', { seed: 8 }), 0, 'nl');
}

describe('the follow-up session of a published report', () => {
	const r = report(12);
	const plan = sessionPlan(instrument, guide, r, 'nl');

	it('goes from what goes well, through every aspect strongest first, to the questions and the actions', () => {
		expect(plan.withFigures).toBe(true);
		const ids = plan.steps.map((s) => s.id);
		expect(ids[0]).toBe('goed');
		expect(ids.slice(-2)).toEqual(['vragen', 'acties']);
		const aspectIds = ids.slice(1, -2);
		expect([...aspectIds].sort()).toEqual(instrument.aspects.map((a) => a.id).sort());
		const means = aspectIds.map((id) => r.aspects.find((a) => a.id === id)!.employee.mean!);
		expect(means).toEqual([...means].sort((a, b) => b - a));
	});

	it('shows the report figures and the strongest aspects first', () => {
		const well = plan.steps[0]!;
		expect(well.kind === 'well' && well.strengths.map((s) => s.id)).toEqual(r.summary.strengths);
		const werk = plan.steps.find((s) => s.id === 'werk')!;
		const shown = r.aspects.find((a) => a.id === 'werk')!;
		expect(werk.kind === 'aspect' && werk.aspect.figures).toEqual({
			shown: true,
			mean: shown.employee.mean,
			favourable: shown.employee.favourable,
			ownerMean: shown.owner.mean,
			gap: shown.gap,
			fromVersion: null
		});
		expect(werk.kind === 'aspect' && werk.aspect.questions.length).toBeGreaterThanOrEqual(2);
	});

	it('keeps an aspect hidden that the report hides, and shows the earlier version where the report does', () => {
		const hidden: Report = { ...r, withheld: [{ measure: 'aspect:ruimte', group: null, shownFrom: null }, { measure: 'aspect:werk', group: null, shownFrom: 1 }] };
		const p = sessionPlan(instrument, guide, hidden, 'nl');
		const ruimte = p.steps.find((s) => s.id === 'ruimte')!;
		expect(ruimte.kind === 'aspect' && ruimte.aspect.figures).toEqual({ shown: false, reason: 'hidden' });
		// Without a figure it cannot rank, so it comes after the aspects that have one.
		expect(p.steps.map((s) => s.id).indexOf('ruimte')).toBe(p.steps.length - 3);
		const werk = p.steps.find((s) => s.id === 'werk')!;
		expect(werk.kind === 'aspect' && werk.aspect.figures?.shown && werk.aspect.figures.fromVersion).toBe(1);
		const well = p.steps[0]!;
		expect(well.kind === 'well' && well.strengths.some((s) => s.id === 'ruimte')).toBe(false);
	});

	it('finds a step with its neighbours, and nothing for an unknown step', () => {
		expect(locateStep(plan, 'goed')).toMatchObject({ index: 0, previous: null, next: plan.steps[1]!.id });
		expect(locateStep(plan, 'acties')).toMatchObject({ next: null });
		expect(locateStep(plan, 'onbekend')).toBeNull();
	});
});

describe('the conversation without figures', () => {
	it('has the six aspects in the instrument order with their questions, and no figure anywhere', () => {
		for (const r of [null, report(3)]) {
			const plan = sessionPlan(instrument, guide, r, 'en');
			expect(plan.withFigures).toBe(false);
			const aspects = plan.steps.flatMap((s) => (s.kind === 'aspect' ? [s.aspect] : []));
			expect(aspects.map((a) => a.id)).toEqual(instrument.aspects.map((a) => a.id));
			expect(aspects.every((a) => a.figures === null && a.questions.length >= 2 && a.keep.length >= 1)).toBe(true);
			const well = plan.steps[0]!;
			expect(well.kind === 'well' && well.strengths).toEqual([]);
			expect(JSON.stringify(plan)).not.toMatch(/"mean"/);
		}
	});
});
