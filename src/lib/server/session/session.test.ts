// The follow-up session on a real database: notes per round and aspect (and per firm without a round), the
// screens with the report's figures and never more, and the team's one-page handout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { sessionNote } from '../db/schema';
import { openTestDatabase } from '../../../../tests/helpers/database';
import { makeFirm, makeUser } from '../../../../tests/helpers/factories';
import { seedRound } from '../../../../tests/helpers/report-seed';
import { sampleView } from '../../../../tests/helpers/report-views';
import { pdfPlainText } from '../../../../tests/helpers/pdf-text';
import { createAction } from '../actions/create-action';
import { saveSessionNote, sessionNotes } from './save-session-note';
import { sessionScreen, type SessionSource } from './session-page';
import { handoutData, handoutPdf } from './handout';
import type { Report } from '../../domain/report/schema';

let h: DatabaseHandle;
let userId: string;
let firmId: string;
let roundId: string;
let otherRoundId: string;

beforeAll(async () => {
	h = await openTestDatabase();
	userId = (await makeUser(h.db)).id;
	firmId = (await makeFirm(h.db, { ownerId: userId })).id;
	roundId = (await seedRound(h.db, firmId, { name: 'Voorjaar' })).id;
	otherRoundId = (await seedRound(h.db, firmId, { name: 'Najaar' })).id;
});
afterAll(async () => {
	await h?.close();
});

describe('notes of the session', () => {
	it('keeps one note per round and step, replaces it when saved again, and removes it when emptied', async () => {
		const key = { firmId, roundId, userId };
		expect(await saveSessionNote(h.db, key, { step: 'werk', text: 'Meer afwisseling gewenst.' })).toEqual({ ok: true });
		expect(await saveSessionNote(h.db, key, { step: 'werk', text: 'Meer afwisseling, vooral in de winter.' })).toEqual({ ok: true });
		expect(await saveSessionNote(h.db, key, { step: 'goed', text: 'Samen lunchen helpt.' })).toEqual({ ok: true });
		expect(await saveSessionNote(h.db, { ...key, roundId: otherRoundId }, { step: 'werk', text: 'Andere ronde.' })).toEqual({ ok: true });
		expect(await sessionNotes(h.db, { firmId, roundId })).toEqual({ werk: 'Meer afwisseling, vooral in de winter.', goed: 'Samen lunchen helpt.' });
		expect(await saveSessionNote(h.db, key, { step: 'goed', text: '  ' })).toEqual({ ok: true });
		expect(await sessionNotes(h.db, { firmId, roundId })).toEqual({ werk: 'Meer afwisseling, vooral in de winter.' });
	});

	it('keeps one set of notes for the conversation without a round', async () => {
		const key = { firmId, roundId: null, userId };
		await saveSessionNote(h.db, key, { step: 'ruimte', text: 'Eerste.' });
		await saveSessionNote(h.db, key, { step: 'ruimte', text: 'Tweede.' });
		expect(await sessionNotes(h.db, { firmId, roundId: null })).toEqual({ ruimte: 'Tweede.' });
		const rows = await h.db.select().from(sessionNote);
		expect(rows.filter((r) => r.roundId === null && r.aspectId === 'ruimte')).toHaveLength(1);
	});

	it('refuses a step without notes and a note that is too long', async () => {
		const key = { firmId, roundId, userId };
		expect(await saveSessionNote(h.db, key, { step: 'acties', text: 'x' })).toEqual({ ok: false, error: 'invalid' });
		expect(await saveSessionNote(h.db, key, { step: 'werk', text: 'x'.repeat(2001) })).toEqual({ ok: false, error: 'too_long' });
	});
});

function source(report: Report | null, round: { id: string; name: string } | null = { id: roundId, name: 'Voorjaar' }): SessionSource {
	return { firmId, round, report, locale: 'nl' };
}

describe('a screen of the session', () => {
	const view = sampleView({ employees: 12 });

	it('shows an aspect with the report figures in words and the saved note', async () => {
		const screen = await sessionScreen(h.db, source(view.report), 'werk');
		const werk = view.report.aspects.find((a) => a.id === 'werk')!;
		expect(screen?.step.kind).toBe('aspect');
		if (screen?.step.kind !== 'aspect') return;
		expect(screen.step.aspect.score).toBe(werk.employee.mean!.toFixed(1).replace('.', ','));
		expect(screen.step.aspect.lines.join(' ')).toContain('van het team is hier positief over');
		expect(screen.note).toBe('Meer afwisseling, vooral in de winter.');
		expect(screen.count).toBe(9);
		expect(await sessionScreen(h.db, source(view.report), 'bestaat-niet')).toBeNull();
	});

	it('shows no figure for an aspect the report hides', async () => {
		const hidden = { ...view.report, withheld: [{ measure: 'aspect:werk', group: null, shownFrom: null }] };
		const screen = await sessionScreen(h.db, source(hidden), 'werk');
		if (screen?.step.kind !== 'aspect') throw new Error('no aspect step');
		expect(screen.step.aspect.score).toBeNull();
		expect(screen.step.aspect.lines).toEqual([]);
		expect(screen.step.aspect.figureNote).toBe('De score is verborgen om de anonimiteit te beschermen.');
	});

	it('offers entries for the aspects to grow and lists the actions agreed in this round', async () => {
		await createAction(h.db, { firmId, roundId, fromSession: true, origin: 'free', userId, today: '2026-05-10' }, { title: 'Klussen ruilen' });
		const screen = await sessionScreen(h.db, source(view.report), 'acties');
		expect(screen?.note).toBeNull();
		expect(screen?.actions?.agreed.map((a) => a.title)).toEqual(['Klussen ruilen']);
		expect(screen?.actions?.full).toBe(false);
		expect(screen?.actions?.entries.length).toBeGreaterThan(0);
		for (const s of screen?.actions?.suggestions ?? []) expect(s.aspects.some((a) => view.report.summary.toGrow.includes(a))).toBe(true);
	});
});

describe('the handout', () => {
	it('is one A4 page with the topics, their questions and the agreed actions, and the report figures only', async () => {
		const hidden = { ...sampleView({ employees: 12 }).report, withheld: [{ measure: 'aspect:ruimte', group: null, shownFrom: null }] };
		const data = await handoutData(h.db, source(hidden), 'Bakkerij Olga');
		expect(data.aspects).toHaveLength(6);
		expect(data.aspects.find((a) => a.label === hidden.aspects.find((x) => x.id === 'ruimte')!.label)?.score).toBeNull();
		const pdf = await handoutPdf(h.db, source(hidden), 'Bakkerij Olga');
		expect(pdf.pages).toBe(1);
		const text = await pdfPlainText(pdf.pdf);
		expect(text).toContain('Bakkerij Olga');
		expect(text).toContain('Klussen ruilen');
		expect(text).toContain('Welke klus zou je graag eens doen die je nu nooit krijgt?');
		expect(text).toContain('verborgen om de anonimiteit te beschermen');
	});

	it('has no figure at all in the conversation without a report', async () => {
		const data = await handoutData(h.db, source(null, null), 'Bakkerij Olga');
		expect(data.aspects.every((a) => a.score === null && a.figureNote === null)).toBe(true);
		const text = await pdfPlainText((await handoutPdf(h.db, source(null, null), 'Bakkerij Olga')).pdf);
		expect(text).not.toMatch(/\d,\d/);
		expect(text).toContain('Zonder namen en zonder cijfers');
	});
});
