// Which status changes an owner may make. Closing is final: answers stop for good and drafts are deleted,
// so a closed round never opens again.
export type RoundStatus = 'open' | 'paused' | 'closed';
export type RoundStatusAction = 'pause' | 'reopen' | 'close';

const allowedFrom: Record<RoundStatusAction, readonly RoundStatus[]> = {
	pause: ['open'],
	reopen: ['paused'],
	close: ['open', 'paused']
};

export const statusAfter: Record<RoundStatusAction, RoundStatus> = { pause: 'paused', reopen: 'open', close: 'closed' };

export function canChangeStatus(current: RoundStatus, action: RoundStatusAction): boolean {
	return allowedFrom[action].includes(current);
}

export function statusesAllowing(action: RoundStatusAction): RoundStatus[] {
	return [...allowedFrom[action]];
}

export type ChangeStatusResult = { ok: true; status: RoundStatus } | { ok: false; reason: 'not_found' | 'not_allowed' };
