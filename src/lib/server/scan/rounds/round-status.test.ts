import { describe, expect, it } from 'vitest';
import { canChangeStatus, statusAfter, type RoundStatus, type RoundStatusAction } from './round-status';

describe('round status changes', () => {
	it('allows pause from open, reopen from paused, close from both, and nothing after closing', () => {
		const table: [RoundStatus, RoundStatusAction, boolean][] = [
			['open', 'pause', true],
			['open', 'reopen', false],
			['open', 'close', true],
			['paused', 'pause', false],
			['paused', 'reopen', true],
			['paused', 'close', true],
			['closed', 'pause', false],
			['closed', 'reopen', false],
			['closed', 'close', false]
		];
		for (const [from, action, allowed] of table) expect(canChangeStatus(from, action), `${action} from ${from}`).toBe(allowed);
		expect(statusAfter).toEqual({ pause: 'paused', reopen: 'open', close: 'closed' });
	});
});
