import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { actionCalendar, fold, text } from './ics';

const event = {
	uid: 'action-7c0e@leerkompas.example.nl',
	title: 'Inwerkprogramma; met checklist, en "buddy"',
	dueOn: '2026-12-31',
	description: 'Waarom: nieuwe mensen leren sneller.\nZie het actieplan.',
	url: 'https://leerkompas.example.nl/firms/bakkerij/actions',
	now: new Date('2026-11-30T18:30:05.123Z')
};

describe('the calendar file of an action', () => {
	it('is iCalendar that a parser reads back as one all-day event on the deadline', () => {
		const file = actionCalendar(event);
		const calendar = new ICAL.Component(ICAL.parse(file));
		const vevent = calendar.getFirstSubcomponent('vevent');
		expect(vevent).not.toBeNull();
		const parsed = new ICAL.Event(vevent!);
		expect(parsed.summary).toBe(event.title);
		expect(parsed.description).toBe(event.description);
		expect(parsed.uid).toBe(event.uid);
		expect(parsed.startDate.isDate).toBe(true);
		expect(parsed.startDate.toString()).toBe('2026-12-31');
		expect(parsed.endDate.toString()).toBe('2027-01-01');
		expect(vevent!.getFirstPropertyValue('url')).toBe(event.url);
		expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
	});

	it('ends every line with CRLF and keeps every line within 75 octets', () => {
		const file = actionCalendar({ ...event, title: 'Één lange titel met ë en ü '.repeat(8) });
		expect(file.endsWith('\r\n')).toBe(true);
		const lines = file.split('\r\n').slice(0, -1);
		expect(file.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
		for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
		const parsed = new ICAL.Event(new ICAL.Component(ICAL.parse(file)).getFirstSubcomponent('vevent')!);
		expect(parsed.summary).toBe('Één lange titel met ë en ü '.repeat(8));
	});

	it('escapes what would end a value or a line, so a title cannot add properties', () => {
		expect(text('a;b,c\\d\ne')).toBe('a\\;b\\,c\\\\d\\ne');
		const file = actionCalendar({ ...event, title: 'x\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:ingevoegd' });
		expect(file.match(/^BEGIN:VEVENT/gm)).toHaveLength(1);
		const vevents = new ICAL.Component(ICAL.parse(file)).getAllSubcomponents('vevent');
		expect(vevents).toHaveLength(1);
	});

	it('folds without splitting a character', () => {
		const folded = fold(`SUMMARY:${'é'.repeat(60)}`);
		expect(folded.split('\r\n ').join('')).toBe(`SUMMARY:${'é'.repeat(60)}`);
	});
});
