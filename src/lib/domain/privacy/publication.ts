import { effectiveThreshold } from './threshold';

export interface PublicationInput {
	/** Employee responses in the round now. */
	responses: number;
	/** Employee responses the last published version holds; 0 or null when nothing was published yet. */
	published: number | null;
	k?: number;
	/** The round is closed: this is the decision about the final version. */
	closed: boolean;
}

export interface PublicationDecision {
	/** A new version may be published now, holding `includedResponses` employee responses. */
	publish: boolean;
	/** Responses in the version the owner may see now (new or last): 0 when nothing may be shown. */
	includedResponses: number;
	/** Total responses at which the next version comes; null once the round is closed. */
	nextVersionAt: number | null;
	/** At close: responses that came in after the last version and are too few to show safely. */
	tooLate: number;
	/** The version the owner may see holds employee figures (at least k responses). */
	hasEmployeeFigures: boolean;
}

/**
 * Two published versions must differ by at least k employee responses, or comparing them would show
 * one person's answers. So a new version comes only when k or more responses arrived since the last one;
 * at close the rest is taken in only if it is again at least k, and otherwise it is counted as too late.
 * Before the first version (fewer than k in total) nothing about employees is shown at all; a round that
 * closes like that has no version with employee figures, and its answers are not "too late" but too few.
 */
export function publicationDecision(input: PublicationInput): PublicationDecision {
	const k = effectiveThreshold(input.k);
	const published = Math.max(0, input.published ?? 0);
	const responses = Math.max(published, input.responses);
	const fresh = responses - published;
	const publish = fresh >= k;
	const includedResponses = publish ? responses : published;
	if (input.closed) {
		const tooLate = publish || published === 0 ? 0 : fresh;
		return { publish, includedResponses, nextVersionAt: null, tooLate, hasEmployeeFigures: includedResponses >= k };
	}
	return {
		publish,
		includedResponses,
		nextVersionAt: includedResponses + k,
		tooLate: 0,
		hasEmployeeFigures: includedResponses >= k
	};
}
