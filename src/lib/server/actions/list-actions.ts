// The firm's plan as the pages show it: every action with who does it and how many notes it has.
import { asc, count, eq } from 'drizzle-orm';
import type { ActionStatus } from '../../domain/actions/action';
import type { Database } from '../db/client';
import { firmAction, firmActionNote } from '../db/schema';

export interface ListedAction {
	id: string;
	title: string;
	why: string;
	aspectId: string | null;
	entrySlug: string | null;
	roundId: string | null;
	assigneeName: string | null;
	startsOn: string | null;
	dueOn: string | null;
	status: ActionStatus;
	doneOn: string | null;
	notes: number;
}

export async function listActions(db: Database, firmId: string, options: { roundId?: string } = {}): Promise<ListedAction[]> {
	const rows = await db
		.select({
			id: firmAction.id,
			title: firmAction.title,
			why: firmAction.why,
			aspectId: firmAction.aspectId,
			entrySlug: firmAction.entrySlug,
			roundId: firmAction.roundId,
			assigneeName: firmAction.assigneeName,
			startsOn: firmAction.startsOn,
			dueOn: firmAction.dueOn,
			status: firmAction.status,
			doneOn: firmAction.doneOn,
			notes: count(firmActionNote.id)
		})
		.from(firmAction)
		.leftJoin(firmActionNote, eq(firmActionNote.actionId, firmAction.id))
		.where(eq(firmAction.firmId, firmId))
		.groupBy(firmAction.id)
		.orderBy(asc(firmAction.createdAt));
	return options.roundId === undefined ? rows : rows.filter((r) => r.roundId === options.roundId);
}
