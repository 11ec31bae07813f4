// The owner's own version of the questionnaire: the statements and open questions in the owner's wording,
// no background or learning questions (one owner is never anonymous).
import { createHmac } from 'node:crypto';
import type { Instrument } from '../../../domain/instrument';
import { checkScreen, opinionsGiven, responseFromAnswers, type AnswerIssue, type PostedAnswers } from './answers';
import type { ScanResponse } from '../../../domain/response';

export function ownerFields(instrument: Instrument): string[] {
	return [...instrument.items.map((i) => i.id), ...instrument.open.map((q) => q.id)];
}

export type OwnerAnswersCheck =
	| { ok: true; response: ScanResponse }
	| { ok: false; reason: 'invalid'; issues: AnswerIssue[] }
	| { ok: false; reason: 'nothing_answered' };

export function checkOwnerAnswers(instrument: Instrument, posted: PostedAnswers): OwnerAnswersCheck {
	const screen = checkScreen(instrument, { fields: ownerFields(instrument), perspective: 'owner', teams: [] }, posted);
	if (!screen.ok) return { ok: false, reason: 'invalid', issues: screen.issues };
	const checked = responseFromAnswers(instrument, screen.answers, { perspective: 'owner', teams: [] });
	if (!checked.ok) return { ok: false, reason: 'invalid', issues: checked.issues };
	if (opinionsGiven(instrument, checked.response) === 0) return { ok: false, reason: 'nothing_answered' };
	return { ok: true, response: checked.response };
}

/**
 * The id of a person's owner response in a round: a keyed hash of round and user, shaped as a UUID
 * (version 8, "custom"). The same person filling in again replaces their response, yet no user id is
 * stored with it: only the running server, with its secret and the signed-in user, can find the row again.
 */
export function ownerResponseId(secret: string, roundId: string, userId: string): string {
	const bytes = createHmac('sha256', secret).update(`owner-response\u0000${roundId}\u0000${userId}`).digest().subarray(0, 16);
	bytes[6] = (bytes[6]! & 0x0f) | 0x80;
	bytes[8] = (bytes[8]! & 0x3f) | 0x80;
	const hex = bytes.toString('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
