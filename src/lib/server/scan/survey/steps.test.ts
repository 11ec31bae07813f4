import { describe, expect, it } from 'vitest';
import { loadInstrument } from '../../../domain/instrument';
import { findStep, firstUnfinishedStep, mergeStep, skippedQuestions, stepPosition, surveySteps } from './steps';
import { questionViews } from './view';

const instrument = loadInstrument('v1');

describe('surveySteps', () => {
	it('has one screen per aspect, then background, learning and the open questions', () => {
		const steps = surveySteps(instrument, ['Bakkerij', 'Winkel']);
		expect(steps.map((s) => s.id)).toEqual([...instrument.aspects.map((a) => a.id), 'background', 'learning', 'open']);
		expect(steps).toHaveLength(9);
		expect(findStep(steps, 'werk')!.fields).toEqual(instrument.items.filter((i) => i.aspect === 'werk').map((i) => i.id));
		expect(findStep(steps, 'background')!.fields).toEqual(['age', 'work_type', 'tenure', 'team']);
		expect(findStep(steps, 'open')!.fields).toEqual(['open_strength', 'open_improve']);
		// every statement is asked exactly once
		expect(steps.flatMap((s) => s.fields).filter((f) => instrument.items.some((i) => i.id === f))).toEqual(instrument.items.map((i) => i.id));
	});
	it('leaves the team question out when the round has no team list', () => {
		expect(findStep(surveySteps(instrument, []), 'background')!.fields).toEqual(['age', 'work_type', 'tenure']);
	});
	it('gives the position for "stap 2 van 9" with the screens around it', () => {
		const steps = surveySteps(instrument, []);
		expect(stepPosition(steps, steps[1]!)).toEqual({ number: 2, total: 9, previous: steps[0], next: steps[2] });
		expect(stepPosition(steps, steps[0]!).previous).toBeNull();
		expect(stepPosition(steps, steps[8]!).next).toBeNull();
	});
});

describe('mergeStep', () => {
	const steps = surveySteps(instrument, []);
	const werk = findStep(steps, 'werk')!;
	it('replaces the answers of one screen and keeps the others', () => {
		const draft = { werk_1: '4', werk_2: '2', ruimte_1: '5' };
		expect(mergeStep(draft, werk, { werk_1: '1' })).toEqual({ werk_1: '1', ruimte_1: '5' });
	});
	it('drops empty values and fields that are not on the screen', () => {
		expect(mergeStep({}, werk, { werk_1: ' ', werk_2: '3', ruimte_1: '5' })).toEqual({ werk_2: '3' });
	});
});

describe('skippedQuestions', () => {
	const steps = surveySteps(instrument, ['A']);
	it('lists unanswered questions per screen, but never the barrier question', () => {
		const all = Object.fromEntries(steps.flatMap((s) => s.fields).map((f) => [f, f === 'barriers' ? [] : '3']));
		delete all.barriers;
		delete all.werk_3;
		delete all.open_improve;
		const skipped = skippedQuestions(instrument, steps, all);
		expect(skipped.map((s) => [s.step.id, s.fields])).toEqual([
			['werk', ['werk_3']],
			['open', ['open_improve']]
		]);
		expect(firstUnfinishedStep(instrument, steps, all)?.id).toBe('werk');
	});
	it('counts "weet ik niet" as an answer', () => {
		const draft = Object.fromEntries(findStep(steps, 'werk')!.fields.map((f) => [f, '9']));
		expect(skippedQuestions(instrument, steps, draft)[0]!.step.id).toBe('ruimte');
	});
});

describe('questionViews', () => {
	it('shows employees the employee wording and owners the owner wording, with 1-5 and "weet ik niet"', () => {
		const [employee] = questionViews(instrument, ['werk_1'], 'employee', 'nl');
		const [owner] = questionViews(instrument, ['werk_1'], 'owner', 'en');
		expect(employee).toMatchObject({ kind: 'single', text: 'In mijn werk doe ik verschillende soorten taken.' });
		expect(owner!.text).toBe('My employees do different kinds of tasks in their work.');
		expect(employee!.kind === 'single' && employee!.options.map((o) => o.value)).toEqual(['1', '2', '3', '4', '5', '9']);
		expect(employee!.kind === 'single' && employee!.options[5]!.label).toBe('Weet ik niet');
	});
	it('takes team choices from the round and shows barriers as several choices', () => {
		const [team, barriers, open] = questionViews(instrument, ['team', 'barriers', 'open_strength'], 'employee', 'nl', ['Werkplaats', 'Kantoor']);
		expect(team!.kind === 'single' && team!.options).toEqual([
			{ value: 'Werkplaats', label: 'Werkplaats' },
			{ value: 'Kantoor', label: 'Kantoor' }
		]);
		expect(barriers!.kind).toBe('multiple');
		expect(open).toMatchObject({ kind: 'text', maxLength: 2000 });
	});
});
