// Finds the round a respondent is answering, by the link token, the short code (SMS link) or a card code.
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { firm, roundCard, scanRound } from '../../db/schema';
import { parseCode, parseLinkToken } from './find-round.schema';
import { followupsOfRound, followupVariables, type FollowupQuestion } from '../../../domain/followup/followup';

export { normalizeCode } from './find-round.schema';

/** What the survey needs to know about a round; nothing about the firm beyond its name. */
export interface SurveyRound {
	id: string;
	firmId: string;
	firmSlug: string;
	firmName: string;
	name: string;
	instrumentVersion: string;
	status: 'open' | 'paused' | 'closed';
	inviteMode: 'link' | 'cards';
	/** An imported round takes no answers through Leerkompas. */
	origin: 'collected' | 'imported';
	linkToken: string;
	opensOn: string;
	closesOn: string;
	threshold: number;
	openAnswersVerbatim: boolean;
	teams: string[];
	/** The round's questions about finished actions, with the titles as they were when it started. */
	followups: FollowupQuestion[];
}

/** The codebook variables of a round's questions about finished actions, in the order asked. */
export function followupFieldsOf(round: Pick<SurveyRound, 'followups'>): string[] {
	return followupVariables(round.followups);
}

const columns = {
	id: scanRound.id,
	firmId: scanRound.firmId,
	firmSlug: firm.slug,
	firmName: firm.name,
	name: scanRound.name,
	instrumentVersion: scanRound.instrumentVersion,
	status: scanRound.status,
	inviteMode: scanRound.inviteMode,
	origin: scanRound.origin,
	linkToken: scanRound.linkToken,
	opensOn: scanRound.opensOn,
	closesOn: scanRound.closesOn,
	threshold: scanRound.threshold,
	openAnswersVerbatim: scanRound.openAnswersVerbatim,
	teams: scanRound.teams,
	followups: scanRound.followups
};

function rounds(db: Database) {
	return db.select(columns).from(scanRound).innerJoin(firm, eq(firm.id, scanRound.firmId));
}

type RoundRow = Omit<SurveyRound, 'followups'> & { followups: unknown };

function surveyRound(row: RoundRow): SurveyRound {
	return { ...row, followups: followupsOfRound(row.followups) };
}

export async function findRoundByLinkToken(db: Database, token: unknown): Promise<SurveyRound | null> {
	const valid = parseLinkToken(token);
	if (!valid) return null;
	const [found] = await rounds(db).where(eq(scanRound.linkToken, valid)).limit(1);
	return found ? surveyRound(found) : null;
}

export async function findRoundByShortCode(db: Database, code: unknown): Promise<SurveyRound | null> {
	const valid = parseCode(code);
	if (!valid) return null;
	const [found] = await rounds(db).where(eq(scanRound.shortCode, valid)).limit(1);
	return found ? surveyRound(found) : null;
}

/** A round of a firm by its id, for the owner's own questionnaire; null when it is not that firm's. */
export async function findRoundOfFirm(db: Database, firmId: string, roundId: unknown): Promise<SurveyRound | null> {
	if (typeof roundId !== 'string' || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(roundId)) return null;
	const [found] = await rounds(db)
		.where(and(eq(scanRound.id, roundId), eq(scanRound.firmId, firmId)))
		.limit(1);
	return found ? surveyRound(found) : null;
}

/**
 * The round of an unused card. A used card and a code that does not exist give the same null, so the
 * answer tells nobody which codes exist.
 */
export async function findRoundByCardCode(db: Database, code: unknown): Promise<{ round: SurveyRound; code: string } | null> {
	const valid = parseCode(code);
	if (!valid) return null;
	const found = await rounds(db)
		.innerJoin(roundCard, eq(roundCard.roundId, scanRound.id))
		.where(and(eq(roundCard.code, valid), isNull(roundCard.usedOn)))
		.limit(2);
	// Codes are random per round; should two rounds share one, neither is given out rather than a guess.
	if (found.length !== 1) return null;
	return { round: surveyRound(found[0]!), code: valid };
}

/** Whether a card code the browser carries is still unused for this round. */
export async function cardIsUnused(db: Database, roundId: string, code: string): Promise<boolean> {
	const [found] = await db
		.select({ code: roundCard.code })
		.from(roundCard)
		.where(and(eq(roundCard.roundId, roundId), eq(roundCard.code, code), isNull(roundCard.usedOn)))
		.limit(1);
	return found !== undefined;
}
