import { describe, expect, it } from 'vitest';
import { loadInstrument } from '../../../domain/instrument';
import { answersOfResponse, checkScreen, opinionsGiven, postedAnswers, responseFromAnswers } from './answers';
import { checkOwnerAnswers, ownerResponseId } from './owner-response.schema';
import { surveySteps } from './steps';

const instrument = loadInstrument('v1');
const steps = surveySteps(instrument, ['Werkplaats', 'Kantoor']);
const screen = (id: string) => ({ fields: steps.find((s) => s.id === id)!.fields, perspective: 'employee' as const, teams: ['Werkplaats', 'Kantoor'] });

function form(entries: [string, string][]): FormData {
	const f = new FormData();
	for (const [k, v] of entries) f.append(k, v);
	return f;
}

describe('postedAnswers', () => {
	it('reads one value per question, several for barriers, and skips control fields', () => {
		const posted = postedAnswers(
			instrument,
			form([
				['werk_1', '4'],
				['werk_1', '2'],
				['barriers', 'no_time'],
				['barriers', 'cost'],
				['go', 'next']
			]),
			['go']
		);
		expect(posted).toEqual({ werk_1: '4', barriers: ['no_time', 'cost'] });
	});
});

describe('checkScreen', () => {
	it('accepts answers on the scale, "weet ik niet" and skipped questions', () => {
		const checked = checkScreen(instrument, screen('werk'), { werk_1: '5', werk_2: '9', werk_3: '' });
		expect(checked).toMatchObject({ ok: true, answers: { werk_1: '5', werk_2: '9' } });
		// parsed as stored: 9 is "weet ik niet", a skipped question is null
		expect(checked.ok && checked.response.answers).toMatchObject({ werk_1: 5, werk_2: 9, werk_3: null });
	});
	it('refuses a value out of range', () => {
		for (const value of ['0', '6', '7', '-1', 'abc', '4.5']) {
			const result = checkScreen(instrument, screen('werk'), { werk_1: value });
			expect(result.ok, value).toBe(false);
			if (!result.ok) expect(result.issues[0]!.field).toBe('werk_1');
		}
		const result = checkScreen(instrument, screen('werk'), { werk_1: '7' });
		expect(!result.ok && result.issues).toEqual([{ field: 'werk_1', code: 'answer_out_of_range' }]);
	});
	it('refuses an unknown item, and a known item posted on another screen', () => {
		expect(checkScreen(instrument, screen('werk'), { werk_99: '3' })).toEqual({ ok: false, issues: [{ field: null, code: 'not_on_screen' }] });
		expect(checkScreen(instrument, screen('werk'), { ruimte_1: '3' })).toEqual({ ok: false, issues: [{ field: null, code: 'not_on_screen' }] });
	});
	it('refuses an open answer over 2,000 characters, counting characters as people do', () => {
		const fine = 'é'.repeat(2000);
		expect(checkScreen(instrument, screen('open'), { open_strength: fine }).ok).toBe(true);
		expect(checkScreen(instrument, screen('open'), { open_strength: '😀'.repeat(2000) }).ok).toBe(true);
		expect(checkScreen(instrument, screen('open'), { open_strength: `  ${fine}  ` }).ok).toBe(true);
		expect(checkScreen(instrument, screen('open'), { open_strength: `${fine}x` })).toEqual({ ok: false, issues: [{ field: 'open_strength', code: 'open_too_long' }] });
	});
	it('refuses a team that is not on the round list, and an unknown background or barrier choice', () => {
		expect(checkScreen(instrument, screen('background'), { team: 'Werkplaats', age: '25_34' }).ok).toBe(true);
		expect(checkScreen(instrument, screen('background'), { team: 'Directie' })).toEqual({ ok: false, issues: [{ field: 'team', code: 'unknown_category' }] });
		expect(checkScreen(instrument, screen('background'), { age: '12_15' })).toEqual({ ok: false, issues: [{ field: 'age', code: 'unknown_category' }] });
		expect(checkScreen(instrument, screen('learning'), { barriers: ['no_time', 'boredom'] })).toEqual({ ok: false, issues: [{ field: 'barriers', code: 'unknown_option' }] });
		expect(checkScreen(instrument, screen('learning'), { learn_formal: 'misschien' })).toEqual({ ok: false, issues: [{ field: 'learn_formal', code: 'unknown_category' }] });
	});
});

describe('responseFromAnswers', () => {
	it('gives a complete response with every question, skipped ones as null', () => {
		const result = responseFromAnswers(instrument, { werk_1: '4', learn_formal: 'yes', barriers: ['cost', 'no_time'], open_strength: '  Goed!  ' }, { perspective: 'employee', teams: [] });
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(Object.keys(result.response.answers)).toHaveLength(instrument.items.length);
		expect(result.response.answers.werk_1).toBe(4);
		expect(result.response.answers.werk_2).toBeNull();
		expect(result.response.learning).toMatchObject({ formal: true, nonFormal: null, barriers: ['no_time', 'cost'] });
		expect(result.response.open).toEqual({ open_strength: 'Goed!', open_improve: null });
		expect(opinionsGiven(instrument, result.response)).toBe(1);
	});
	it('does not count "weet ik niet" as an opinion', () => {
		const result = responseFromAnswers(instrument, { werk_1: '9', werk_2: '9' }, { perspective: 'employee', teams: [] });
		expect(result.ok && opinionsGiven(instrument, result.response)).toBe(0);
	});
});

describe('the owner questionnaire', () => {
	it('accepts statements and open questions in the owner wording', () => {
		const result = checkOwnerAnswers(instrument, { werk_1: '5', open_improve: 'Meer tijd' });
		expect(result.ok).toBe(true);
		if (result.ok) expect(answersOfResponse(instrument, result.response)).toEqual({ werk_1: '5', open_improve: 'Meer tijd' });
	});
	it('refuses background and learning questions, bad values, and an empty form', () => {
		expect(checkOwnerAnswers(instrument, { werk_1: '5', age: '25_34' })).toEqual({ ok: false, reason: 'invalid', issues: [{ field: null, code: 'not_on_screen' }] });
		expect(checkOwnerAnswers(instrument, { werk_1: '8' })).toMatchObject({ ok: false, reason: 'invalid' });
		expect(checkOwnerAnswers(instrument, { werk_1: '9' })).toEqual({ ok: false, reason: 'nothing_answered' });
	});
	it('finds the same response id for the same round and user only', () => {
		const id = ownerResponseId('geheim', 'ronde-1', 'user-1');
		expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
		expect(ownerResponseId('geheim', 'ronde-1', 'user-1')).toBe(id);
		expect(ownerResponseId('geheim', 'ronde-1', 'user-2')).not.toBe(id);
		expect(ownerResponseId('geheim', 'ronde-2', 'user-1')).not.toBe(id);
		expect(ownerResponseId('ander geheim', 'ronde-1', 'user-1')).not.toBe(id);
	});
});
