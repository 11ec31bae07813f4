import { describe, expect, it } from 'vitest';
import { learningOfRow, responseOfRow } from './stored-response';

describe('reading a stored response', () => {
	it('takes the learning answers as stored', () => {
		const learning = { formal: true, nonFormal: false, informal: null, need: 4, intention: 9, barriers: ['no_time', 'cost'] };
		expect(learningOfRow(learning)).toEqual(learning);
	});

	it('counts what it can from an old or partial row instead of failing the report', () => {
		expect(learningOfRow({})).toEqual({ formal: null, nonFormal: null, informal: null, need: null, intention: null, barriers: [] });
		expect(learningOfRow({ formal: 'ja', need: 3.5, barriers: 'no_time' })).toEqual({
			formal: null,
			nonFormal: null,
			informal: null,
			need: null,
			intention: null,
			barriers: []
		});
		expect(learningOfRow(null).barriers).toEqual([]);
	});

	it('keeps answers, background and open answers as they are', () => {
		const row = { perspective: 'employee' as const, answers: { werk_1: 4, werk_2: null }, background: { age: '25_34' }, learning: {}, open: { open_strength: 'Goed' } };
		expect(responseOfRow(row)).toMatchObject({ perspective: 'employee', answers: row.answers, background: row.background, open: row.open });
	});
});
