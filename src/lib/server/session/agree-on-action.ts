// Agreeing on an action in the follow-up session. An action taken from one of the report's recommendations
// is stored with origin 'recommendation', its entry, the aspect it was chosen for and the report's reason as
// its "why"; the server takes those from the recommendations it computed itself, so a post can only name one
// of them. Everything else goes through the form's fields: an entry makes it 'kennisbank', none 'free'.
import type { ActionFormInput } from '../actions/action-form.schema';
import { createAction, type CreateActionResult } from '../actions/create-action';
import type { Database } from '../db/client';
import type { ShownRecommendation } from '../recommendations/report-recommendations';
import { agreeChoiceSchema } from './agree-on-action.schema';

export interface AgreeContext {
	firmId: string;
	roundId: string | null;
	userId: string;
	today: string;
	/** The report's recommendations as shown with this session (none without a report). */
	recommendations: readonly ShownRecommendation[];
}

export type AgreeResult = CreateActionResult | { ok: false; notRecommended: true };

export async function agreeOnAction(db: Database, ctx: AgreeContext, input: ActionFormInput & { recommendation?: string | null }): Promise<AgreeResult> {
	const choice = agreeChoiceSchema.safeParse({ recommendation: input.recommendation });
	// A value that is no entry name names none of the recommendations either: refused as such, never quietly
	// turned into an action from the other fields.
	if (!choice.success) return { ok: false, notRecommended: true };
	const { recommendation } = choice.data;
	const base = { firmId: ctx.firmId, roundId: ctx.roundId, fromSession: true, userId: ctx.userId, today: ctx.today };
	if (recommendation === undefined) {
		const { recommendation: _, ...fields } = input;
		return createAction(db, { ...base, origin: fields.entrySlug?.trim() ? 'kennisbank' : 'free' }, fields);
	}
	const chosen = ctx.recommendations.find((r) => r.entry === recommendation);
	if (!chosen) return { ok: false, notRecommended: true };
	return createAction(db, { ...base, origin: 'recommendation' }, { title: chosen.title, why: chosen.reason, entrySlug: chosen.entry, aspectId: chosen.aspects[0] ?? null });
}
