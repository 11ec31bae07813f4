// Warning signals that figures may have been padded: counted as responses arrive, shown only as they stood
// when a version was published. Pure: the shell counts, this decides what counts and what is shown.
import type { Instrument } from '../instrument/schema';

/** A response that gives the same answer to every statement it answered, and answered at least half of them. */
export function sameAnswerToEvery(instrument: Pick<Instrument, 'items'>, answers: Readonly<Record<string, number | null>>): boolean {
	const given = instrument.items.map((item) => answers[item.id]).filter((a): a is number => a !== null && a !== undefined);
	// One or two answers alike say nothing; a whole questionnaire ticked in one column does.
	if (given.length < 2 || given.length * 2 < instrument.items.length) return false;
	return given.every((a) => a === given[0]);
}

/** The statement answers of a response in a fixed order, so that two equal responses give one key. */
export function statementKey(instrument: Pick<Instrument, 'items'>, answers: Readonly<Record<string, number | null>>): string {
	return instrument.items.map((item) => answers[item.id] ?? '-').join(',');
}

export interface SignalCounters {
	burst: number;
	identical: number;
	sameAnswer: number;
}

export interface RoundSignals extends SignalCounters {
	/** Responses in the version above the number invited; null when nobody was invited through Leerkompas. */
	moreThanInvited: number | null;
	/** Responses in the version above the firm's number of employees. */
	moreThanEmployees: number;
}

export const noSignals: SignalCounters = Object.freeze({ burst: 0, identical: 0, sameAnswer: 0 });

/** The signals a published version shows, from the counters and its own number of responses. */
export function roundSignals(input: { counters: SignalCounters; included: number; invited: number | null; employees: number }): RoundSignals {
	const above = (limit: number) => Math.max(0, input.included - limit);
	return {
		burst: input.counters.burst,
		identical: input.counters.identical,
		sameAnswer: input.counters.sameAnswer,
		moreThanInvited: input.invited !== null && input.invited > 0 ? above(input.invited) : null,
		moreThanEmployees: input.employees > 0 ? above(input.employees) : 0
	};
}

export function anySignal(signals: RoundSignals): boolean {
	return signals.burst + signals.identical + signals.sameAnswer + (signals.moreThanInvited ?? 0) + signals.moreThanEmployees > 0;
}
