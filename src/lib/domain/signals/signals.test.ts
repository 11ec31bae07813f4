import { describe, expect, it } from 'vitest';
import { loadInstrument } from '../instrument';
import { anySignal, roundSignals, sameAnswerToEvery, statementKey } from './signals';

const instrument = loadInstrument('v1');
const all = (value: number | null) => Object.fromEntries(instrument.items.map((i) => [i.id, value]));

describe('sameAnswerToEvery', () => {
	it('flags a questionnaire ticked in one column, "weet ik niet" included', () => {
		expect(sameAnswerToEvery(instrument, all(4))).toBe(true);
		expect(sameAnswerToEvery(instrument, all(9))).toBe(true);
	});
	it('does not flag varied answers, nor a response that answered fewer than half the statements', () => {
		expect(sameAnswerToEvery(instrument, { ...all(4), werk_1: 5 })).toBe(false);
		const few = Object.fromEntries(instrument.items.slice(0, 10).map((i) => [i.id, 3]));
		expect(sameAnswerToEvery(instrument, few)).toBe(false);
		expect(sameAnswerToEvery(instrument, all(null))).toBe(false);
	});
});

describe('statementKey', () => {
	it('is the same for equal answers whatever the key order, and differs for one changed answer', () => {
		const a = all(3);
		const reversed = Object.fromEntries(Object.entries(a).reverse());
		expect(statementKey(instrument, reversed)).toBe(statementKey(instrument, a));
		expect(statementKey(instrument, { ...a, werk_2: 4 })).not.toBe(statementKey(instrument, a));
	});
});

describe('roundSignals', () => {
	it('counts responses above the number invited and above the staff', () => {
		const s = roundSignals({ counters: { burst: 40, identical: 2, sameAnswer: 1 }, included: 50, invited: 20, employees: 30 });
		expect(s).toEqual({ burst: 40, identical: 2, sameAnswer: 1, moreThanInvited: 30, moreThanEmployees: 20 });
		expect(anySignal(s)).toBe(true);
	});
	it('has no invitation signal for a round nobody was invited to through Leerkompas, and none when all is well', () => {
		const s = roundSignals({ counters: { burst: 0, identical: 0, sameAnswer: 0 }, included: 6, invited: null, employees: 12 });
		expect(s.moreThanInvited).toBeNull();
		expect(anySignal(s)).toBe(false);
	});
});
