import { describe, expect, it } from 'vitest';
import { planAsValues, planContentFromForm, sectionsFromForm, sharedPart, type PlanContent } from './plan';
import { planFromSelfScan } from './from-self-scan';
import type { SelfScanQuestionnaire } from '../self-scan/questionnaire';

const plan: PlanContent = {
	title: 'Mijn plan',
	situation: 'Ik kan goed met klanten omgaan.',
	goals: [
		{ what: 'Leren lassen', why: 'Dan kan ik reparaties zelf doen', ways: ['colleague', 'course'], howDetail: 'Met Piet', offerId: null, support: 'Een middag per week', byWhen: '2027-06-30', evidence: 'Ik las een frame zelf' }
	]
};

describe('the plan form', () => {
	it('reads goal slots, leaves out empty ones and gives the plan back as the same values', () => {
		const posted = {
			title: ['Mijn plan'],
			situation: ['Ik kan goed met klanten omgaan.'],
			'goal0.what': [''],
			'goal1.what': ['Leren lassen'],
			'goal1.why': ['Dan kan ik reparaties zelf doen'],
			'goal1.ways': ['colleague', 'course', 'colleague'],
			'goal1.howDetail': ['Met Piet'],
			'goal1.support': ['Een middag per week'],
			'goal1.byWhen': ['2027-06-30'],
			'goal1.evidence': ['Ik las een frame zelf'],
			'goal2.what': ['  ']
		};
		const read = planContentFromForm(posted);
		expect(read).toEqual({ ok: true, content: plan });
		const again = planAsValues(plan);
		const asPosted = Object.fromEntries(Object.entries(again).map(([k, v]) => [k, Array.isArray(v) ? v : [v]]));
		expect(planContentFromForm(asPosted)).toEqual({ ok: true, content: plan });
	});

	it('names each problem by the field the worker sees, in the slot they typed in', () => {
		const read = planContentFromForm({ title: [''], 'goal2.why': ['Waarom'], 'goal2.byWhen': ['30-06-2027'], 'goal2.ways': ['dance'] });
		expect(read).toEqual({ ok: false, errors: { title: 'required', 'goal2.what': 'required', 'goal2.ways': 'invalid', 'goal2.byWhen': 'invalid_date' } });
		expect(planContentFromForm({ title: ['Plan'] })).toEqual({ ok: false, errors: { goals: 'no_goal' } });
		expect(planContentFromForm({ title: ['x'.repeat(121)], 'goal0.what': ['Iets'] })).toEqual({ ok: false, errors: { title: 'too_long' } });
	});

	it('refuses a day that does not exist', () => {
		expect(planContentFromForm({ title: ['Plan'], 'goal0.what': ['Iets'], 'goal0.byWhen': ['2027-02-30'] })).toEqual({ ok: false, errors: { 'goal0.byWhen': 'invalid_date' } });
	});
});

describe('what a share shows', () => {
	it('sends only the chosen sections; the rest is null, not hidden', () => {
		const shared = sharedPart(plan, ['what']);
		expect(shared.situation).toBeNull();
		expect(shared.goals).toEqual([{ what: 'Leren lassen', why: 'Dan kan ik reparaties zelf doen', ways: null, howDetail: null, offerId: null, support: null, byWhen: null, evidence: null }]);
		expect(JSON.stringify(sharedPart(plan, ['when']))).not.toContain('Piet');
	});

	it('a tie without sections shows the title only', () => {
		expect(sharedPart(plan, [])).toEqual({ title: 'Mijn plan', sections: [], situation: null, goals: [] });
		expect(sharedPart(plan, ['situation', 'what', 'how', 'when']).goals[0]).toMatchObject(plan.goals[0]!);
	});

	it('reads only known section names from a form', () => {
		expect(sectionsFromForm(['when', 'secret', 'situation'])).toEqual(['situation', 'when']);
	});
});

describe('a plan from the self-scan', () => {
	const questionnaire: SelfScanQuestionnaire = {
		version: 'v1',
		questions: [
			{ id: 'wentWell', kind: 'open', part: 'strengths', text: { nl: 'Wat ging goed?', en: 'What went well?' } },
			{ id: 'proudOf', kind: 'open', part: 'strengths', text: { nl: 'Trots?', en: 'Proud?' } },
			{ id: 'helps', kind: 'choice', part: 'strengths', text: { nl: 'Helpt', en: 'Helps' }, options: [{ id: 'time', text: { nl: 'Tijd', en: 'Time' }, aspects: ['ruimte'] }, { id: 'feedback', text: { nl: 'Feedback', en: 'Feedback' }, aspects: ['leiding'] }] },
			{ id: 'wantToLearn', kind: 'open', part: 'wishes', text: { nl: 'Leren?', en: 'Learn?' } },
			{ id: 'learnWays', kind: 'choice', part: 'wishes', text: { nl: 'Hoe', en: 'How' }, options: [{ id: 'fromColleague', text: { nl: 'Van een collega', en: 'From a colleague' }, aspects: ['samen'] }, { id: 'outside', text: { nl: 'Bij klanten', en: 'With customers' }, aspects: ['buitenwereld'] }] },
			{ id: 'inTheWay', kind: 'choice', part: 'obstacles', text: { nl: 'Weg', en: 'Way' }, options: [{ id: 'noTime', text: { nl: 'Geen tijd', en: 'No time' }, aspects: ['ruimte'] }, { id: 'money', text: { nl: 'Geld', en: 'Money' }, aspects: ['organisatie'] }] },
			{ id: 'inTheWayMore', kind: 'open', part: 'obstacles', text: { nl: 'Meer?', en: 'More?' } }
		]
	};

	it('puts the worker’s own words where a POP asks for them', () => {
		const content = planFromSelfScan(
			questionnaire,
			{ version: 'v1', open: { wentWell: 'De verbouwing', proudOf: 'Mijn eerste klant', wantToLearn: 'Offertes maken', inTheWayMore: 'Drukke zomer' }, choices: { helps: ['time'], learnWays: ['fromColleague', 'outside'], inTheWay: ['noTime', 'money'] } },
			'nl',
			{ title: 'Mijn ontwikkelplan', helps: (l) => `Helpt: ${l}`, inTheWay: (l) => `In de weg: ${l}` }
		);
		expect(content).toEqual({
			title: 'Mijn ontwikkelplan',
			situation: 'De verbouwing\n\nMijn eerste klant',
			goals: [{ what: 'Offertes maken', why: '', ways: ['colleague'], howDetail: 'Bij klanten', offerId: null, support: 'Helpt: Tijd\n\nIn de weg: Geen tijd, Geld\n\nDrukke zomer', byWhen: '', evidence: '' }]
		});
	});
});
