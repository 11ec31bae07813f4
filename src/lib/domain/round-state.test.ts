import { describe, expect, it } from 'vitest';
import { roundState } from './round-state';

const round = { status: 'open' as const, opensOn: '2025-03-01', closesOn: '2025-03-14' };

describe('roundState', () => {
	it('is open from the opening day up to and including the closing day', () => {
		expect(roundState(round, '2025-03-01')).toBe('open');
		expect(roundState(round, '2025-03-14')).toBe('open');
	});
	it('is not open yet before the opening day, and closed after the closing day', () => {
		expect(roundState(round, '2025-02-28')).toBe('not_open_yet');
		expect(roundState(round, '2025-03-15')).toBe('closed');
	});
	it('follows a pause or a close by the owner', () => {
		expect(roundState({ ...round, status: 'paused' }, '2025-03-05')).toBe('paused');
		expect(roundState({ ...round, status: 'closed' }, '2025-03-05')).toBe('closed');
		expect(roundState({ ...round, status: 'paused' }, '2025-03-20')).toBe('closed');
	});
});
