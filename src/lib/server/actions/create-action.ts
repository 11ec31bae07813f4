// Adding an action to the firm's plan, from the plan's form or agreed on in the follow-up session.
import { and, count, eq, inArray, isNull } from 'drizzle-orm';
import { doneOnAfter, MAX_SESSION_ACTIONS } from '../../domain/actions/action';
import type { Database } from '../db/client';
import { firmAction } from '../db/schema';
import { parseActionForm, type ActionErrors, type ActionFormInput } from './action-form.schema';
import { checkActionReferences } from './action-checks';
import { createActionContextSchema, type CreateActionContext } from './create-action.schema';

export type CreateActionResult =
	| { ok: true; id: string }
	| { ok: false; errors: ActionErrors }
	/** The session already agreed on three actions. */
	| { ok: false; full: true };

export async function createAction(db: Database, context: CreateActionContext, input: ActionFormInput): Promise<CreateActionResult> {
	const ctx = createActionContextSchema.parse(context);
	const parsed = parseActionForm(input);
	if (!parsed.ok) return parsed;
	const data = parsed.data;
	const checked = await checkActionReferences(db, ctx.firmId, data);
	if (!checked.ok) return checked;
	return db.transaction(async (tx): Promise<CreateActionResult> => {
		if (ctx.fromSession && (await sessionActionCount(tx, ctx.firmId, ctx.roundId)) >= MAX_SESSION_ACTIONS) return { ok: false, full: true };
		const [row] = await tx
			.insert(firmAction)
			.values({
				firmId: ctx.firmId,
				roundId: ctx.roundId,
				title: data.title,
				why: data.why,
				aspectId: data.aspectId ?? null,
				entrySlug: data.entrySlug ?? null,
				origin: ctx.origin,
				...checked.assignee,
				startsOn: data.startsOn ?? null,
				dueOn: data.dueOn ?? null,
				status: data.status,
				doneOn: doneOnAfter(null, data.status, ctx.today),
				createdBy: ctx.userId
			})
			.returning({ id: firmAction.id });
		return { ok: true, id: row!.id };
	});
}

/**
 * Actions a session counts towards its three: those linked to its round; without a round, the firm's open
 * actions not linked to one (start small: a fourth waits until one is done or stopped).
 */
export async function sessionActionCount(db: Pick<Database, 'select'>, firmId: string, roundId: string | null): Promise<number> {
	const where = roundId
		? and(eq(firmAction.firmId, firmId), eq(firmAction.roundId, roundId))
		: and(eq(firmAction.firmId, firmId), isNull(firmAction.roundId), inArray(firmAction.status, ['niet-gestart', 'bezig']));
	const [row] = await db.select({ n: count() }).from(firmAction).where(where);
	return row?.n ?? 0;
}
