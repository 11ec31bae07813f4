// The send form carries one field: the submission key of the draft (see keys.ts). Its outcomes are codes,
// turned into pages by the route.
import { z } from 'zod';
import type { AnswerIssue } from './answers';
import type { RoundState } from '../../../domain/round-state';

export const submissionKeySchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

export function readSubmissionKey(form: FormData | null): string | null {
	const parsed = submissionKeySchema.safeParse(form?.get('submissionKey'));
	return parsed.success ? parsed.data : null;
}

export type SubmitResult =
	/** Stored now: response, receipt and card, in one transaction. */
	| { kind: 'stored' }
	/** This submission key was sent before: nothing stored again, show the same thank-you. */
	| { kind: 'already_sent' }
	| { kind: 'not_open'; state: RoundState }
	/** No draft under this browser's key: nothing to send. */
	| { kind: 'no_draft' }
	/** A stored answer no longer fits the round (for example a team the owner took off the list). */
	| { kind: 'invalid'; issues: AnswerIssue[] }
	/** Not a single statement answered with an opinion: such a response would only count towards k. */
	| { kind: 'nothing_answered' }
	/** The round works with cards and this browser has none. */
	| { kind: 'card_required' }
	/** The card was used meanwhile (on another phone, say). */
	| { kind: 'card_unusable' }
	/** The round's answers were imported: Leerkompas takes none for it. */
	| { kind: 'imported' };
