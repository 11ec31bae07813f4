// What every survey page and action starts with: the round behind the link, its state today, this browser's
// draft and card, and the questionnaire's screens. An unknown link answers 404 with a plain message.
import { error, type RequestEvent } from '@sveltejs/kit';
import { loadInstrument, type Instrument, type SurveyLocale } from '../../domain/instrument';
import { app } from '../app';
import { clientKey } from '../../server/http';
import * as m from '../../paraglide/messages.js';
import { surveyLocale } from '../../locale';
import { surveyCookies, surveyPath, type SurveyCookies } from '../../server/scan/survey/cookies';
import { dayOf } from '../../server/clock';
import { deleteDraft, readDraft, type DraftAnswers } from '../../server/scan/survey/draft-store';
import { cardIsUnused, followupFieldsOf, type SurveyRound } from '../../server/scan/survey/find-round';
import { findRoundByLinkTokenCached } from '../../server/scan/survey/round-cache';
import { roundState, type RoundState } from '../../domain/round-state';
import { surveySteps, type SurveyStep } from '../../server/scan/survey/steps';

export interface Survey {
	round: SurveyRound;
	state: RoundState;
	today: string;
	instrument: Instrument;
	steps: readonly SurveyStep[];
	locale: SurveyLocale;
	cookies: SurveyCookies;
	/** Only while the round is open: a paused or closed round's drafts cannot be used. */
	draftKey: string | null;
	draft: DraftAnswers | null;
	/** An unused card of this round that this browser brought. */
	cardCode: string | null;
	/** This browser brought a card that is no longer usable. */
	cardRejected: boolean;
	/** The round works with cards and this browser has none. */
	needsCard: boolean;
	/** Answers were sent from this browser before. */
	sent: boolean;
	/** The round's answers were imported: Leerkompas takes none for it. */
	imported: boolean;
	canAnswer: boolean;
	paths: SurveyPaths;
	/** The account this browser is signed in with; looked up only for a post that carries a session cookie. */
	signedInUserId: string | null;
	/** The client's address (SvelteKit's getClientAddress): only ever hashed, in memory, by address-watch.ts. */
	clientAddress: string;
}

export interface SurveyPaths {
	intro: string;
	summary: string;
	all: string;
	thanks: string;
	step(id: string): string;
}

export function surveyPaths(token: string): SurveyPaths {
	const base = surveyPath(token);
	return { intro: base, summary: `${base}/summary`, all: `${base}/all`, thanks: `${base}/thanks`, step: (id) => `${base}/q/${id}` };
}

export async function openSurvey(
	event: Pick<RequestEvent, 'params' | 'cookies' | 'url' | 'request' | 'setHeaders' | 'locals' | 'getClientAddress'>
): Promise<Survey> {
	// Pages show the respondent's own answers: never keep them in a cache, on a shared phone least of all.
	if (event.request.method === 'GET') event.setHeaders({ 'cache-control': 'no-store' });
	const db = app().database.db;
	const round = await findRoundByLinkTokenCached(db, event.params.token);
	if (!round) error(404, m.survey_link_unknown());
	const today = dayOf();
	const state = roundState(round, today);
	const cookies = surveyCookies(event.cookies, round.linkToken, event.url.protocol === 'https:');

	let draftKey = cookies.draftKey();
	let draft: DraftAnswers | null = null;
	if (draftKey && state === 'closed') {
		// A closed round's draft can never be sent: delete it now rather than keep answers around.
		await deleteDraft(db, round.id, draftKey);
		cookies.clearDraftKey();
		draftKey = null;
	} else if (draftKey && state === 'open') {
		draft = await readDraft(db, round.id, draftKey);
	}

	let cardCode = cookies.cardCode();
	let cardRejected = false;
	if (cardCode && !(await cardIsUnused(db, round.id, cardCode))) {
		cookies.clearCardCode();
		cardCode = null;
		cardRejected = true;
	}
	const needsCard = round.inviteMode === 'cards' && !cardCode;
	const imported = round.origin === 'imported';
	const instrument = loadInstrument(round.instrumentVersion);
	return {
		round,
		state,
		today,
		instrument,
		steps: surveySteps(instrument, round.teams, followupFieldsOf(round)),
		locale: surveyLocale(),
		cookies,
		draftKey: state === 'open' ? draftKey : null,
		draft,
		cardCode,
		cardRejected,
		needsCard,
		sent: cookies.sent(),
		imported,
		canAnswer: state === 'open' && !needsCard && !imported,
		paths: surveyPaths(round.linkToken),
		signedInUserId: event.locals.user?.id ?? null,
		clientAddress: clientKey(event)
	};
}

/** Seconds to wait before this round's link takes another post; 0 when it may go ahead now. */
export function postWait(survey: Survey): number {
	const { surveyPosts } = app().limits;
	return surveyPosts.hit(survey.round.id) ? 0 : Math.max(1, surveyPosts.retryAfter(survey.round.id));
}
