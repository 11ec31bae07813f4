// Whether a round takes answers today. Pure, so pages, the submit use case and tests agree on it.
export type RoundState = 'open' | 'paused' | 'closed' | 'not_open_yet';

export interface RoundTiming {
	status: 'open' | 'paused' | 'closed';
	/** YYYY-MM-DD, first day answers are taken */
	opensOn: string;
	/** YYYY-MM-DD, last day answers are taken */
	closesOn: string;
}

/** A round past its closing day counts as closed even if nobody closed it; a paused round stays paused. */
export function roundState(round: RoundTiming, today: string): RoundState {
	if (round.status === 'closed' || today > round.closesOn) return 'closed';
	if (round.status === 'paused') return 'paused';
	if (today < round.opensOn) return 'not_open_yet';
	return 'open';
}
