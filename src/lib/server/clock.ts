// Dates are kept by day only, in the firms' own time zone, so that a response stored just after midnight
// carries the day the respondent saw on the clock.
const parts = new Intl.DateTimeFormat('en-GB', {
	timeZone: 'Europe/Amsterdam',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit'
});

/** The calendar day (YYYY-MM-DD) in the Netherlands at the given moment. */
export function dayOf(now: Date = new Date()): string {
	// Every survey request asks; the day can only change on a whole minute (time zones differ by whole
	// minutes from UTC), so one answer per minute serves them all.
	const minute = Math.floor(now.getTime() / 60_000);
	if (minute === last.minute) return last.day;
	const found: Record<string, string> = {};
	for (const part of parts.formatToParts(now)) found[part.type] = part.value;
	last = { minute, day: `${found.year}-${found.month}-${found.day}` };
	return last.day;
}

let last = { minute: Number.NaN, day: '' };
