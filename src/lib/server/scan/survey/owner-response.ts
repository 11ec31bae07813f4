// The owner (or a co-manager) fills in the owner's wording of the scan for a round; filling in again
// replaces the earlier answers. See ownerResponseId for how the row is found without storing who wrote it.
import { and, eq } from 'drizzle-orm';
import { loadInstrument } from '../../../domain/instrument';
import type { Database } from '../../db/client';
import { scanResponse } from '../../db/schema';
import { persistentSecret } from '../../instance-settings';
import { answersOfResponse, type AnswerIssue, type PostedAnswers } from './answers';
import type { DraftAnswers } from './draft-store.schema';
import type { SurveyRound } from './find-round';
import { checkOwnerAnswers, ownerResponseId } from './owner-response.schema';
import { roundState } from '../../../domain/round-state';

const SECRET_NAME = 'owner_response_key';

async function idFor(db: Database, roundId: string, userId: string): Promise<string> {
	return ownerResponseId(await persistentSecret(db, SECRET_NAME), roundId, userId);
}

export interface OwnerResponse {
	answers: DraftAnswers;
	submittedOn: string;
}

export async function readOwnerResponse(db: Database, round: Pick<SurveyRound, 'id' | 'instrumentVersion'>, userId: string): Promise<OwnerResponse | null> {
	const id = await idFor(db, round.id, userId);
	const [row] = await db
		.select({ answers: scanResponse.answers, open: scanResponse.open, submittedOn: scanResponse.submittedOn })
		.from(scanResponse)
		.where(and(eq(scanResponse.id, id), eq(scanResponse.roundId, round.id), eq(scanResponse.perspective, 'owner')))
		.limit(1);
	if (!row) return null;
	return { answers: answersOfResponse(loadInstrument(round.instrumentVersion), row), submittedOn: row.submittedOn };
}

export type SaveOwnerResult =
	| { ok: true; replaced: boolean }
	| { ok: false; reason: 'closed' }
	| { ok: false; reason: 'invalid'; issues: AnswerIssue[] }
	| { ok: false; reason: 'nothing_answered' };

/** The owner may fill in before the round opens and while it is paused, but not after it closed. */
export async function saveOwnerResponse(
	db: Database,
	input: { round: SurveyRound; userId: string; posted: PostedAnswers; today: string }
): Promise<SaveOwnerResult> {
	const { round, today } = input;
	if (roundState(round, today) === 'closed') return { ok: false, reason: 'closed' };
	const instrument = loadInstrument(round.instrumentVersion);
	const checked = checkOwnerAnswers(instrument, input.posted);
	if (!checked.ok) return checked;
	const id = await idFor(db, round.id, input.userId);
	const { answers, background, learning, open } = checked.response;
	const values = {
		answers: { ...answers },
		background: { ...background },
		learning: { ...learning, barriers: [...learning.barriers] },
		open: { ...open },
		submittedOn: today
	};
	const [before] = await db.select({ id: scanResponse.id }).from(scanResponse).where(eq(scanResponse.id, id)).limit(1);
	// One statement, so two saves at once cannot both insert.
	await db
		.insert(scanResponse)
		.values({ id, roundId: round.id, perspective: 'owner', source: 'survey', ...values })
		.onConflictDoUpdate({
			target: scanResponse.id,
			set: values,
			setWhere: and(eq(scanResponse.roundId, round.id), eq(scanResponse.perspective, 'owner'))
		});
	return { ok: true, replaced: before !== undefined };
}
