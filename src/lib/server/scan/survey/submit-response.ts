// Sending a response: the answers, the receipt of the submission key and (when the respondent came with a
// card) the card's use are committed in one transaction, before the thank-you page is shown. A second post
// with the same key finds the receipt and stores nothing. The stored row carries the day and the answers:
// no key, card, address, device or time; the receipt has no link to the response.
import { and, eq, isNull } from 'drizzle-orm';
import { loadInstrument } from '../../../domain/instrument';
import type { Database } from '../../db/client';
import { roundCard, scanResponse, scanRound, submissionReceipt } from '../../db/schema';
import { opinionsGiven, responseFromAnswers } from './answers';
import { deleteDraft, readDraft } from './draft-store';
import type { SurveyRound } from './find-round';
import { sha256Hex, submissionKeyFor } from './keys';
import { roundState } from './round-state';
import { surveySteps } from './steps';
import type { SubmitResult } from './submit-response.schema';

export { readSubmissionKey, type SubmitResult } from './submit-response.schema';

export interface SubmitInput {
	round: SurveyRound;
	/** From the respondent's cookie. */
	draftKey: string | null;
	/** From the send form; lets a repeated post of an already sent form find its receipt. */
	submissionKey: string | null;
	/** From the card cookie, when the respondent came in with a card. */
	cardCode: string | null;
	today: string;
}

class Abort extends Error {
	constructor(readonly result: SubmitResult) {
		super(result.kind);
	}
}

async function receiptExists(db: Database, roundId: string, submissionKey: string): Promise<boolean> {
	const [found] = await db
		.select({ keyHash: submissionReceipt.keyHash })
		.from(submissionReceipt)
		.where(and(eq(submissionReceipt.roundId, roundId), eq(submissionReceipt.keyHash, sha256Hex(submissionKey))))
		.limit(1);
	return found !== undefined;
}

export async function submitResponse(db: Database, input: SubmitInput): Promise<SubmitResult> {
	const { round, today } = input;
	if (input.submissionKey && (await receiptExists(db, round.id, input.submissionKey))) return { kind: 'already_sent' };
	const state = roundState(round, today);
	if (state !== 'open') return { kind: 'not_open', state };
	const draftKey = input.draftKey;
	const draft = draftKey ? await readDraft(db, round.id, draftKey) : null;
	if (!draftKey || !draft) {
		if (draftKey && (await receiptExists(db, round.id, submissionKeyFor(draftKey)))) return { kind: 'already_sent' };
		return { kind: 'no_draft' };
	}
	const instrument = loadInstrument(round.instrumentVersion);
	// Only questions the round still asks: a team list emptied since the draft was made drops that answer.
	const asked = new Set(surveySteps(instrument, round.teams).flatMap((step) => step.fields));
	const current = Object.fromEntries(Object.entries(draft).filter(([field]) => asked.has(field)));
	const checked = responseFromAnswers(instrument, current, { perspective: 'employee', teams: round.teams });
	if (!checked.ok) return { kind: 'invalid', issues: checked.issues };
	if (opinionsGiven(instrument, checked.response) === 0) return { kind: 'nothing_answered' };
	if (round.inviteMode === 'cards' && !input.cardCode) return { kind: 'card_required' };
	const { answers, background, learning, open } = checked.response;
	const keyHash = sha256Hex(submissionKeyFor(draftKey));

	try {
		return await db.transaction(async (tx): Promise<SubmitResult> => {
			// Shared lock: submissions go on side by side, but the owner cannot close the round halfway.
			const [now] = await tx
				.select({ status: scanRound.status, opensOn: scanRound.opensOn, closesOn: scanRound.closesOn })
				.from(scanRound)
				.where(eq(scanRound.id, round.id))
				.for('share');
			const stateNow = now ? roundState(now, today) : 'closed';
			if (stateNow !== 'open') throw new Abort({ kind: 'not_open', state: stateNow });
			// The receipt first: a concurrent second post waits here for the first and then finds the key taken.
			const [receipt] = await tx
				.insert(submissionReceipt)
				.values({ roundId: round.id, keyHash, receivedOn: today })
				.onConflictDoNothing()
				.returning({ keyHash: submissionReceipt.keyHash });
			if (!receipt) throw new Abort({ kind: 'already_sent' });
			if (input.cardCode) {
				const used = await tx
					.update(roundCard)
					.set({ usedOn: today })
					.where(and(eq(roundCard.roundId, round.id), eq(roundCard.code, input.cardCode), isNull(roundCard.usedOn)))
					.returning({ code: roundCard.code });
				if (used.length === 0) throw new Abort({ kind: 'card_unusable' });
			}
			await tx.insert(scanResponse).values({
				roundId: round.id,
				perspective: 'employee',
				submittedOn: today,
				source: 'survey',
				answers: { ...answers },
				background: { ...background },
				learning: { ...learning, barriers: [...learning.barriers] },
				open: { ...open }
			});
			await deleteDraft(tx, round.id, draftKey);
			return { kind: 'stored' };
		});
	} catch (e) {
		if (e instanceof Abort) return e.result;
		throw e;
	}
}
