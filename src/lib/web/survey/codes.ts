// The short link (/r/CODE) and card codes (/k): find the round, or refuse in a way that tells nothing about
// which codes exist. Wrong codes count against the client's address, in memory only, never stored.
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import * as m from '../../paraglide/messages.js';
import { app } from '../app';
import { clientKey } from '../../server/http';
import { surveyCookies, surveyPath } from '../../server/scan/survey/cookies';
import { findRoundByCardCode, findRoundByShortCode } from '../../server/scan/survey/find-round';
import { codeGuesses } from '../../server/scan/survey/limits';
import { minutesToWait } from '../../server/scan/survey/messages';

export type CodeOutcome = { ok: true; to: string } | { ok: false; status: 404 | 429; message: string };

type CodeEvent = Pick<RequestEvent, 'cookies' | 'url' | 'getClientAddress'>;

function refused(address: string): CodeOutcome {
	codeGuesses.fail(address);
	return { ok: false, status: 404, message: m.survey_card_not_working() };
}

function blocked(address: string): CodeOutcome | null {
	const wait = codeGuesses.retryAfter(address);
	return wait > 0 ? { ok: false, status: 429, message: m.survey_too_many_codes({ minutes: minutesToWait(wait) }) } : null;
}

/** A card code: on success the browser gets the card in a cookie for that round's survey. */
export async function useCardCode(event: CodeEvent, code: unknown): Promise<CodeOutcome> {
	const address = clientKey(event);
	const wait = blocked(address);
	if (wait) return wait;
	const found = await findRoundByCardCode(app().database.db, code);
	if (!found) return refused(address);
	surveyCookies(event.cookies, found.round.linkToken, event.url.protocol === 'https:').setCardCode(found.code);
	return { ok: true, to: surveyPath(found.round.linkToken) };
}

export async function followShortCode(event: CodeEvent, code: unknown): Promise<CodeOutcome> {
	const address = clientKey(event);
	const wait = blocked(address);
	if (wait) return wait;
	const round = await findRoundByShortCode(app().database.db, code);
	if (!round) {
		codeGuesses.fail(address);
		return { ok: false, status: 404, message: m.survey_link_unknown() };
	}
	return { ok: true, to: surveyPath(round.linkToken) };
}

/** For a load function: go on to the survey, or show the error page with the outcome's message. */
export function redirectOrError(outcome: CodeOutcome): never {
	if (outcome.ok) redirect(303, outcome.to);
	error(outcome.status, outcome.message);
}
