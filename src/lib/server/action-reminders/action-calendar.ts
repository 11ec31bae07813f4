// An action's deadline as a calendar file. The action is looked up together with its firm: an id from the URL on
// its own proves nothing, and an action of another firm answers like one that does not exist.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db/client';
import { firmAction } from '../db/schema';
import { actionCalendar } from '../../domain/actions/ics';

const actionIdSchema = z.uuid();

export interface CalendarFile {
	body: string;
	fileName: string;
}

export async function actionCalendarFile(
	db: Database,
	input: {
		firm: { id: string; name: string; slug: string };
		actionId: string;
		origin: string;
		now: Date;
		text: { why: (why: string) => string; who: (who: string) => string; link: (url: string) => string; fileName: string };
	}
): Promise<CalendarFile | null> {
	const id = actionIdSchema.safeParse(input.actionId);
	if (!id.success) return null;
	const [action] = await db
		.select()
		.from(firmAction)
		.where(and(eq(firmAction.id, id.data.toLowerCase()), eq(firmAction.firmId, input.firm.id)));
	// Without a deadline there is no day to put in a calendar.
	if (!action?.dueOn) return null;
	const url = `${input.origin}/firms/${encodeURIComponent(input.firm.slug)}/actions`;
	const description = [
		action.why.trim() ? input.text.why(action.why.trim()) : '',
		action.assigneeName ? input.text.who(action.assigneeName) : '',
		input.text.link(url)
	]
		.filter(Boolean)
		.join('\n');
	const host = new URL(input.origin).hostname;
	return {
		body: actionCalendar({ uid: `action-${action.id}@${host}`, title: action.title, dueOn: action.dueOn, description, url, now: input.now }),
		fileName: `${input.text.fileName}-${action.dueOn}.ics`
	};
}
