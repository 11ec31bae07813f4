import { describe, expect, it } from 'vitest';
import { talkSchema } from './talk';

const base = { year: '2026', project: 'Leerambassadeurs in de bouw', pilotSlug: '', heldOn: '', participants: 'projectleider, twee ondernemers', goals: '', done: '', results: '', lessons: '', nextYear: '', helpNeeded: '', status: 'draft' };

describe('a progress talk as typed', () => {
	it('may be a nearly empty draft, with the year as a number and blank pilot and date as null', () => {
		const parsed = talkSchema.parse(base);
		expect(parsed).toMatchObject({ year: 2026, pilotSlug: null, heldOn: null, status: 'draft' });
	});

	it('needs goals, what was done and results before it is final', () => {
		const result = talkSchema.safeParse({ ...base, status: 'final', goals: 'Tien bedrijven bereiken' });
		expect(result.success).toBe(false);
		expect(result.error?.issues.map((i) => i.path[0]).sort()).toEqual(['done', 'results']);
		expect(talkSchema.safeParse({ ...base, status: 'final', goals: 'a', done: 'b', results: 'c' }).success).toBe(true);
	});

	it('refuses a missing project name, a year out of range, a malformed pilot slug or date', () => {
		for (const wrong of [{ project: '  ' }, { year: '1999' }, { year: 'twee' }, { pilotSlug: 'Mijn Pilot!' }, { heldOn: '2026-13-45' }, { status: 'klaar' }]) {
			expect(talkSchema.safeParse({ ...base, ...wrong }).success, JSON.stringify(wrong)).toBe(false);
		}
		expect(talkSchema.parse({ ...base, pilotSlug: ' Leerambassadeurs ' }).pilotSlug).toBe('leerambassadeurs');
	});
});
