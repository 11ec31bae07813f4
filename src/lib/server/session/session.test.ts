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
import { firmAction } from '../db/schema';
import { reportRecommendations, type ShownRecommendation } from '../recommendations/report-recommendations';
import { agreeOnAction } from './agree-on-action';
import { eq } from 'drizzle-orm';

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

function source(
	report: Report | null,
	round: { id: string; name: string } | null = { id: roundId, name: 'Voorjaar' },
	recommendations: ShownRecommendation[] = []
): SessionSource {
	return { firmId, round, report, recommendations, locale: 'nl' };
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

describe('choosing actions from the report', () => {
	// A firm and round of its own: the round above already has an action, and a session holds at most three.
	let ownFirmId: string;
	let ownRoundId: string;
	let recommendations: ShownRecommendation[];
	const report = sampleView({ employees: 12 }).report;
	const own = (): SessionSource => ({ firmId: ownFirmId, round: { id: ownRoundId, name: 'Zomer' }, report, recommendations, locale: 'nl' });
	const ctx = () => ({ firmId: ownFirmId, roundId: ownRoundId, userId, today: '2026-06-01', recommendations });

	beforeAll(async () => {
		ownFirmId = (await makeFirm(h.db, { ownerId: userId })).id;
		ownRoundId = (await seedRound(h.db, ownFirmId, { name: 'Zomer' })).id;
		recommendations = (await reportRecommendations(h.db, ownFirmId, report, 'nl')).recommendations;
	});

	it('offers the report\'s recommendations first, with the reason the report gives, and not again among the other ideas', async () => {
		expect(recommendations.length).toBeGreaterThanOrEqual(3);
		const screen = await sessionScreen(h.db, own(), 'acties');
		const choice = screen!.actions!;
		expect(choice.recommended.map((r) => [r.slug, r.reason])).toEqual(recommendations.map((r) => [r.entry, r.reason]));
		expect(choice.recommended[0]!.reason).toMatch(/^Omdat /);
		const recommendedSlugs = new Set(recommendations.map((r) => r.entry));
		expect(choice.suggestions.some((s) => recommendedSlugs.has(s.slug))).toBe(false);
		expect(choice.search).toBeNull();
	});

	it('records an action taken from a recommendation with its origin, entry, aspect and reason, and then offers it no more', async () => {
		const first = recommendations[0]!;
		const result = await agreeOnAction(h.db, ctx(), { recommendation: first.entry });
		expect(result.ok).toBe(true);
		const [row] = await h.db.select().from(firmAction).where(eq(firmAction.firmId, ownFirmId));
		expect(row).toMatchObject({ origin: 'recommendation', entrySlug: first.entry, title: first.title, why: first.reason, aspectId: first.aspects[0] ?? null, roundId: ownRoundId });
		const choice = (await sessionScreen(h.db, own(), 'acties'))!.actions!;
		expect(choice.agreed.map((a) => a.title)).toEqual([first.title]);
		expect(choice.recommended.map((r) => r.slug)).not.toContain(first.entry);
	});

	it('refuses a recommendation the report does not make, and stores an entry chosen from the knowledge base as such', async () => {
		const notRecommended = (await sessionScreen(h.db, own(), 'acties'))!.actions!.entries.find((e) => !recommendations.some((r) => r.entry === e.slug))!;
		expect(await agreeOnAction(h.db, ctx(), { recommendation: notRecommended.slug })).toEqual({ ok: false, notRecommended: true });
		// Not even an entry's name: refused too, not stored as an action of the team's own from the other fields.
		expect(await agreeOnAction(h.db, ctx(), { recommendation: 'Geen idee!', title: 'Stiekem iets anders' })).toEqual({ ok: false, notRecommended: true });
		expect(await agreeOnAction(h.db, ctx(), { title: notRecommended.title, entrySlug: notRecommended.slug })).toMatchObject({ ok: true });
		expect(await agreeOnAction(h.db, ctx(), { title: 'Samen koffie op vrijdag' })).toMatchObject({ ok: true });
		const rows = await h.db.select().from(firmAction).where(eq(firmAction.firmId, ownFirmId));
		expect(rows.map((r) => [r.entrySlug, r.origin]).sort()).toEqual(
			[
				[recommendations[0]!.entry, 'recommendation'],
				[notRecommended.slug, 'kennisbank'],
				[null, 'free']
			].sort()
		);
		// Three agreed: the session is full, also for a recommendation.
		expect(await agreeOnAction(h.db, ctx(), { recommendation: recommendations[1]!.entry })).toEqual({ ok: false, full: true });
	});

	it('searches the knowledge base in Dutch on the actions step', async () => {
		const choice = (await sessionScreen(h.db, own(), 'acties', 'leerambasadeur'))!.actions!;
		expect(choice.search?.query).toBe('leerambasadeur');
		expect(choice.search?.hits.map((hit) => hit.slug)).toContain('leerambassadeurs');
		expect(choice.suggestions).toEqual([]);
		expect((await sessionScreen(h.db, own(), 'acties', 'zzqqxx'))!.actions!.search?.hits).toEqual([]);
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
