import { error, type RequestHandler } from '@sveltejs/kit';
import { app } from '$lib/web/app';
import { requireFirm } from '$lib/web/guards';
import { actionCalendarFile } from '$lib/server/action-reminders/action-calendar';
import * as m from '$lib/paraglide/messages';

// Whoever may see the action plan (owner, co-managers, advisers with consent) may put a deadline in a calendar.
export const GET: RequestHandler = async (event) => {
	const { firm } = await requireFirm(event, 'plan');
	const file = await actionCalendarFile(app().database.db, {
		firm,
		actionId: event.params.actionId ?? '',
		origin: app().origin,
		now: new Date(),
		text: {
			why: (why) => m.reminders_calendar_description_why({ why }),
			who: (who) => m.reminders_calendar_description_who({ who }),
			link: (url) => m.reminders_calendar_description_link({ firm: firm.name, url }),
			fileName: m.reminders_calendar_file_name()
		}
	});
	if (!file) error(404, m.common_error_not_found());
	return new Response(file.body, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `attachment; filename="${file.fileName}"`,
			'cache-control': 'private, no-store'
		}
	});
};
