import { describe, expect, it } from 'vitest';
import { changedFirms, discloseEvaluation, evaluationEntries, evaluationVerdict, type EarlierEvaluation } from './disclosure';
import type { PilotFirmFigures } from './evaluate';
import { roundUnit } from '../network/coordinator-view';

const fig = { n: 5, mean: 3, sd: 1 };
const after = { n: 5, mean: 3.4, sd: 1 };
function firm(id: string, arm: 'pilot' | 'comparison', version = 1): PilotFirmFigures & { firm: string } {
	const rounds = { before: roundUnit(id, 'b', 1), after: roundUnit(id, 'a', version) };
	return { firm: id, unit: `${id}:b1:a${version}`, arm, before: { werk: fig }, after: { werk: after }, rounds };
}
const pilotArm = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => firm(id, 'pilot'));
const comparisonArm = ['p', 'q', 'r', 's', 't'].map((id) => firm(id, 'comparison'));
const k = 5;

function published(id: string, firms: (PilotFirmFigures & { firm: string })[]): EarlierEvaluation {
	return { id, entries: evaluationEntries(firms), shown: discloseEvaluation({ k, firms, earlier: [] }).shown };
}

describe('pilot evaluations and disclosure control', () => {
	it('shows both arms when nothing was published before', () => {
		const result = discloseEvaluation({ k, firms: [...pilotArm, ...comparisonArm], earlier: [] });
		expect(result.hidden.size).toBe(0);
		expect(result.shown.werk?.map((s) => s.members.length)).toEqual([6, 5]);
		// Aspects where nobody has figures show nothing.
		expect(result.shown.ruimte).toBeUndefined();
	});

	it('attack: a second pilot with the same firms but one finds that firm hidden', () => {
		const first = published('p1#1', [...pilotArm, ...comparisonArm]);
		// Pilot 2 leaves out firm "f": its D would be 6 x mean(first) - 5 x mean(second).
		const second = discloseEvaluation({ k, firms: [...pilotArm.slice(0, 5), ...comparisonArm], earlier: [first] });
		expect([...second.hidden]).toEqual(['werk']);
		expect(second.shown.werk).toBeUndefined();
	});

	it('attack: a firm moved from one arm to the other is hidden', () => {
		const first = published('p1#1', [...pilotArm, ...comparisonArm]);
		const moved = [...pilotArm.slice(0, 5), firm('f', 'comparison'), ...comparisonArm];
		expect([...discloseEvaluation({ k, firms: moved, earlier: [first] }).hidden]).toEqual(['werk']);
	});

	it('attack: the same firms with one firm’s after round replaced are not published again', () => {
		const firms = [...pilotArm, ...comparisonArm];
		const first = published('p1#1', firms);
		const swapped = firms.map((f) => (f.firm === 'a' ? firm('a', 'pilot', 2) : f));
		expect(changedFirms(first.entries, evaluationEntries(swapped))).toBe(1);
		// In the same pilot, and as another pilot of the network.
		expect(evaluationVerdict({ k, entries: evaluationEntries(swapped), previous: first, others: [] })).toBe('too-few-changes');
		expect(evaluationVerdict({ k, entries: evaluationEntries(swapped), previous: null, others: [first] })).toBe('too-few-changes');
	});

	it('publishes again once at least k firms changed, and then shows them', () => {
		const firms = [...pilotArm, ...comparisonArm];
		const first = published('p1#1', firms);
		const more = [...firms, ...['g', 'h', 'i', 'j', 'k'].map((id) => firm(id, 'pilot'))];
		expect(evaluationVerdict({ k, entries: evaluationEntries(more), previous: first, others: [] })).toBe('changed');
		const second = discloseEvaluation({ k, firms: more, earlier: [first] });
		expect(second.hidden.size).toBe(0);
		expect(evaluationVerdict({ k, entries: evaluationEntries(firms), previous: first, others: [] })).toBe('unchanged');
	});

	it('lets an evaluation that showed nothing be followed by one that differs by a single firm', () => {
		const four = [...pilotArm.slice(0, 4), ...comparisonArm];
		const nothing = published('p1#1', four);
		expect(Object.keys(nothing.shown)).toEqual([]);
		const five = [...pilotArm.slice(0, 5), ...comparisonArm];
		expect(evaluationVerdict({ k, entries: evaluationEntries(five), previous: nothing, others: [] })).toBe('changed');
		expect(evaluationVerdict({ k, entries: evaluationEntries(five), previous: null, others: [] })).toBe('first');
	});

	it('counts as entries only firms with a change on some aspect', () => {
		const withoutAfter = { ...firm('z', 'pilot'), after: null };
		expect(evaluationEntries([withoutAfter, firm('y', 'comparison')]).map((e) => e.firm)).toEqual(['y']);
	});
});
