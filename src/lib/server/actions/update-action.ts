// Editing an action in the plan. Marking it klaar sets the day it was done (the next round may ask the team
// about it); moving it back from klaar clears that day again.
import { and, eq, sql } from 'drizzle-orm';
import { doneOnAfter } from '../../domain/actions/action';
import type { Database } from '../db/client';
import { firmAction } from '../db/schema';
import { parseActionForm, type ActionErrors, type ActionFormInput } from './action-form.schema';
import { checkActionReferences } from './action-checks';
import { findAction } from './find-action';
import { updateActionContextSchema, type UpdateActionContext } from './update-action.schema';

export type UpdateActionResult = { ok: true } | { ok: false; errors: ActionErrors } | { ok: false; notFound: true };

export async function updateAction(db: Database, context: UpdateActionContext, input: ActionFormInput): Promise<UpdateActionResult> {
	const ctx = updateActionContextSchema.parse(context);
	const current = await findAction(db, ctx.firmId, ctx.actionId);
	if (!current) return { ok: false, notFound: true };
	const parsed = parseActionForm(input);
	if (!parsed.ok) return parsed;
	const data = parsed.data;
	const checked = await checkActionReferences(db, ctx.firmId, data);
	if (!checked.ok) return checked;
	await db
		.update(firmAction)
		.set({
			title: data.title,
			why: data.why,
			aspectId: data.aspectId ?? null,
			entrySlug: data.entrySlug ?? null,
			...checked.assignee,
			startsOn: data.startsOn ?? null,
			dueOn: data.dueOn ?? null,
			status: data.status,
			doneOn: doneOnAfter(current, data.status, ctx.today),
			updatedAt: sql`now()`
		})
		.where(and(eq(firmAction.firmId, ctx.firmId), eq(firmAction.id, current.id)));
	return { ok: true };
}
