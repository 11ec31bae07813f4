import { describe, expect, it } from 'vitest';
import { addDays, isIsoDay, parseCreateRoundInput, type CreateRoundInput } from './create-round.schema';

const context = { employees: 12, today: '2025-03-03' };
const parse = (input: Partial<CreateRoundInput>, ctx = context) => parseCreateRoundInput({ name: 'Voorjaar 2025', ...input }, ctx);
const errorsOf = (input: Partial<CreateRoundInput>, ctx = context) => {
	const result = parse(input, ctx);
	if (result.ok) throw new Error('expected errors');
	return result.errors;
};

describe('parseCreateRoundInput', () => {
	it('fills in sensible defaults: today, three weeks, the staff, the link', () => {
		const result = parse({});
		expect(result).toEqual({
			ok: true,
			data: { name: 'Voorjaar 2025', opensOn: '2025-03-03', closesOn: '2025-03-24', invited: 12, teams: [], inviteMode: 'link', cards: 0, openAnswersVerbatim: false, followups: [] }
		});
	});

	it('reads form text', () => {
		const result = parse({ name: '  Najaar  ', opensOn: '2025-09-01', closesOn: '2025-09-01', invited: '30', teams: 'Winkel\r\n\r\nBakkerij\nwinkel\n  Bezorging  ', inviteMode: 'cards', cards: '25', openAnswersVerbatim: 'on' });
		expect(result.ok && result.data).toEqual({
			name: 'Najaar',
			opensOn: '2025-09-01',
			closesOn: '2025-09-01',
			invited: 30,
			teams: ['Winkel', 'Bakkerij', 'Bezorging'],
			inviteMode: 'cards',
			cards: 25,
			openAnswersVerbatim: true,
			followups: []
		});
	});

	it('reads the ticked actions to ask about: ids, at most three', () => {
		const id = '0b4c1d7e-1111-4222-8333-944455556666';
		expect(parse({ followups: [id.toUpperCase(), id] })).toMatchObject({ ok: true, data: { followups: [id] } });
		expect(parse({ followups: `${id}, 1${id.slice(1)}` })).toMatchObject({ ok: true, data: { followups: [id, `1${id.slice(1)}`] } });
		expect(parse({ followups: ['geen-id'] })).toMatchObject({ ok: false, errors: { followups: 'invalid' } });
		expect(parse({ followups: [0, 1, 2, 3].map((i) => `${i}${id.slice(1)}`) })).toMatchObject({ ok: false, errors: { followups: 'too_many' } });
	});

	it('takes cards to mean inviting with cards, unless the owner chose the link', () => {
		expect(parse({ cards: 10 }).ok && parse({ cards: 10 })).toMatchObject({ data: { inviteMode: 'cards', cards: 10 } });
		expect(parse({ cards: '10', inviteMode: 'link' })).toMatchObject({ data: { inviteMode: 'link', cards: 0 } });
	});

	it('wants a name of 1 to 100 characters', () => {
		expect(errorsOf({ name: '   ' })).toEqual({ name: 'required' });
		expect(errorsOf({ name: 'x'.repeat(101) })).toEqual({ name: 'too_long' });
		expect(parse({ name: 'x'.repeat(100) }).ok).toBe(true);
	});

	it('wants real dates, the last day not before the first', () => {
		expect(errorsOf({ opensOn: '2025-02-30' })).toEqual({ opensOn: 'invalid_date' });
		expect(errorsOf({ closesOn: '1 maart' })).toEqual({ closesOn: 'invalid_date' });
		expect(errorsOf({ opensOn: '2025-03-10', closesOn: '2025-03-09' })).toEqual({ closesOn: 'closes_before_opens' });
		expect(parse({ opensOn: '2025-04-01' }).ok).toBe(true);
	});

	it('wants 1 to 1000 invited, and not more than ten times the staff', () => {
		expect(errorsOf({ invited: '0' })).toEqual({ invited: 'too_few' });
		expect(errorsOf({ invited: '2.5' })).toEqual({ invited: 'not_integer' });
		expect(errorsOf({ invited: 'twaalf' })).toEqual({ invited: 'not_integer' });
		expect(errorsOf({ invited: 1001 }, { ...context, employees: 200 })).toEqual({ invited: 'too_many' });
		expect(parse({ invited: 1000 }, { ...context, employees: 200 }).ok).toBe(true);
		expect(parse({ invited: 120 }).ok).toBe(true);
		expect(errorsOf({ invited: 121 })).toEqual({ invited: 'more_than_staff' });
	});

	it('wants at most 20 teams of at most 40 characters', () => {
		const twenty = Array.from({ length: 20 }, (_, i) => `Team ${i}`);
		expect(parse({ teams: twenty }).ok).toBe(true);
		expect(errorsOf({ teams: [...twenty, 'Nog een'] })).toEqual({ teams: 'too_many_teams' });
		expect(errorsOf({ teams: ['x'.repeat(41)] })).toEqual({ teams: 'team_too_long' });
		expect(parse({ teams: ['x'.repeat(40)] }).ok).toBe(true);
	});

	it('refuses more cards than people invited, and counts the cards as the invited when that is left out', () => {
		expect(errorsOf({ invited: '6', inviteMode: 'cards', cards: '8' })).toEqual({ cards: 'more_than_invited' });
		expect(parse({ invited: '8', inviteMode: 'cards', cards: '8' }).ok).toBe(true);
		expect(parse({ cards: 30 })).toMatchObject({ data: { invited: 30, cards: 30 } });
		// the link ignores cards typed before changing one's mind, so there is nothing to compare
		expect(parse({ invited: '6', inviteMode: 'link', cards: '8' }).ok).toBe(true);
	});

	it('wants 0 to 500 cards, and at least one when inviting with cards', () => {
		expect(parse({ cards: 500 }).ok).toBe(true);
		expect(errorsOf({ cards: 501 })).toEqual({ cards: 'too_many' });
		expect(errorsOf({ cards: -1 })).toEqual({ cards: 'too_few' });
		expect(errorsOf({ inviteMode: 'cards', cards: '' })).toEqual({ cards: 'too_few' });
		expect(errorsOf({ inviteMode: 'poster' })).toEqual({ inviteMode: 'invalid' });
	});

	it('reports every field with a problem at once', () => {
		expect(errorsOf({ name: '', opensOn: 'x', invited: '0', cards: '9999' })).toEqual({ name: 'required', opensOn: 'invalid_date', invited: 'too_few', cards: 'too_many' });
	});
});

describe('days', () => {
	it('checks calendar days and counts days across months and leap years', () => {
		expect(isIsoDay('2024-02-29')).toBe(true);
		expect(isIsoDay('2025-02-29')).toBe(false);
		expect(isIsoDay('2025-3-1')).toBe(false);
		expect(addDays('2025-03-20', 21)).toBe('2025-04-10');
		expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
		// the clock change in the Netherlands (30 March 2025) does not shift a day
		expect(addDays('2025-03-29', 2)).toBe('2025-03-31');
	});
});

describe('parseCreateRoundInput with several problems', () => {
	it('also checks the rules between fields that are fine on their own', () => {
		expect(errorsOf({ name: '', opensOn: '2025-05-10', closesOn: '2025-05-01', invited: '500', teams: ['x'.repeat(41)] })).toEqual({
			name: 'required',
			closesOn: 'closes_before_opens',
			invited: 'more_than_staff',
			teams: 'team_too_long'
		});
	});

	it('does not blame a good field for a bad one', () => {
		expect(errorsOf({ opensOn: 'morgen', closesOn: '2025-05-01' })).toEqual({ opensOn: 'invalid_date' });
		expect(errorsOf({ inviteMode: 'cards', cards: 'veel' })).toEqual({ cards: 'not_integer' });
		expect(errorsOf({ name: '', inviteMode: 'cards' })).toEqual({ name: 'required', cards: 'too_few' });
	});
});
