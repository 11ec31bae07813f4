// The checks on an action that need the database: the entry must be one the firm may see, and "who" a member.
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { firmMember, user } from '../db/schema';
import { publishedEntries } from '../knowledge/published-entries';
import type { ActionErrors, ActionFormData } from './action-form.schema';

export interface CheckedAssignee {
	assigneeUserId: string | null;
	assigneeName: string | null;
}

/** Errors for an entry that is not published or a person who is not a member; else who does it, as stored. */
export async function checkActionReferences(
	db: Database,
	firmId: string,
	data: Pick<ActionFormData, 'entrySlug' | 'assigneeUserId' | 'assigneeName'>
): Promise<{ ok: true; assignee: CheckedAssignee } | { ok: false; errors: ActionErrors }> {
	const errors: ActionErrors = {};
	if (data.entrySlug) {
		const entries = await publishedEntries(db);
		if (!entries.some((e) => e.slug === data.entrySlug)) errors.entrySlug = 'unknown_entry';
	}
	let assignee: CheckedAssignee = { assigneeUserId: null, assigneeName: data.assigneeName ?? null };
	if (data.assigneeUserId) {
		const [member] = await db
			.select({ name: user.name })
			.from(firmMember)
			.innerJoin(user, eq(user.id, firmMember.userId))
			.where(and(eq(firmMember.firmId, firmId), eq(firmMember.userId, data.assigneeUserId)))
			.limit(1);
		// The name is kept beside the id, so the plan still says who it was if the account is deleted.
		if (member) assignee = { assigneeUserId: data.assigneeUserId, assigneeName: member.name };
		else errors.assigneeUserId = 'not_a_member';
	}
	return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, assignee };
}
