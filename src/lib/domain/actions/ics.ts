// An action's deadline as an iCalendar file (RFC 5545), so it lands in the owner's calendar: one all-day event.
// Hand-written because it is small: escaping of text values, lines folded at 75 octets, CRLF line ends.
import { addDays } from './reminders';

export interface ActionEvent {
	/** Stable per action, so importing the file again updates the event instead of adding a second one. */
	uid: string;
	title: string;
	/** The deadline, YYYY-MM-DD. */
	dueOn: string;
	description: string;
	/** The action plan page. */
	url: string;
	/** When the file was made (DTSTAMP). */
	now: Date;
}

export function actionCalendar(event: ActionEvent): string {
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'PRODID:-//Leerkompas//Actieplan//NL',
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH',
		'BEGIN:VEVENT',
		`UID:${text(event.uid)}`,
		`DTSTAMP:${utcStamp(event.now)}`,
		`DTSTART;VALUE=DATE:${compactDay(event.dueOn)}`,
		// DTEND of an all-day event is the day after (exclusive), so the event covers the deadline day only.
		`DTEND;VALUE=DATE:${compactDay(addDays(event.dueOn, 1))}`,
		`SUMMARY:${text(event.title)}`,
		`DESCRIPTION:${text(event.description)}`,
		`URL:${uri(event.url)}`,
		'TRANSP:TRANSPARENT',
		'END:VEVENT',
		'END:VCALENDAR'
	];
	return lines.map(fold).join('\r\n') + '\r\n';
}

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const OTHER_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const ANY_CONTROL = /[\u0000-\u001f\u007f]/g;

/** TEXT value escaping (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks. */
export function text(value: string): string {
	return value
		.replace(/\\/g, '\\\\')
		.replace(/;/g, '\\;')
		.replace(/,/g, '\\,')
		.replace(/\r\n|\r|\n/g, '\\n')
		.replace(OTHER_CONTROL, '');
}

function uri(value: string): string {
	// A URI has no escaping in iCalendar; a control character in it could only break the file.
	return value.replace(ANY_CONTROL, '');
}

/** Lines longer than 75 octets are folded: CRLF and one space, never inside a UTF-8 character (RFC 5545 3.1). */
export function fold(line: string): string {
	const encoder = new TextEncoder();
	if (encoder.encode(line).length <= 75) return line;
	const parts: string[] = [];
	let current = '';
	let octets = 0;
	for (const char of line) {
		const size = encoder.encode(char).length;
		// The first line holds 75 octets; each continuation starts with a space, so it holds 74 more.
		const limit = parts.length === 0 ? 75 : 74;
		if (octets + size > limit) {
			parts.push(current);
			current = '';
			octets = 0;
		}
		current += char;
		octets += size;
	}
	parts.push(current);
	return parts.join('\r\n ');
}

function compactDay(day: string): string {
	return day.replace(/-/g, '');
}

function utcStamp(now: Date): string {
	return now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}
