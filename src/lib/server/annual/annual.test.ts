import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKind, openTestDatabase } from '../../../../tests/helpers/database';
import { makeUser } from '../../../../tests/helpers/factories';
import { pdfPlainText } from '../../../../tests/helpers/pdf-text';
import type { DatabaseHandle } from '../db/client';
import { network } from '../db/schema';
import { renderReportPdf } from '../report/pdf/render-report-pdf';
import { readAnnualText, saveAnnualText } from './annual-text';
import { annualReportInput, buildAnnualReport } from './build-annual-report';
import { findTalk, talksOfYear, talkYears } from './list-talks';
import { saveTalk } from './save-talk';
import { createPilot } from '../pilot/create-pilot';

let h: DatabaseHandle;
beforeAll(async () => {
	h = await openTestDatabase();
});
afterAll(async () => {
	await h.close();
});

let counter = 0;
async function makeNetwork(name = 'Leernetwerk Oost') {
	const [row] = await h.db.insert(network).values({ slug: `annual-${Date.now().toString(36)}-${counter++}`, name }).returning();
	return row!;
}

const talk = (overrides: Record<string, string> = {}) => ({
	year: '2026', project: 'Leerambassadeurs in de bouw', pilotSlug: '', heldOn: '2026-11-12', participants: 'projectleider, twee ondernemers',
	goals: 'Tien bouwbedrijven een leerambassadeur geven', done: 'Drie bijeenkomsten, een training', results: 'Zeven bedrijven doen mee',
	lessons: 'Persoonlijk bellen werkt beter dan mailen', nextYear: 'Uitbreiden naar installatie', helpNeeded: 'Contacten met O&O-fondsen',
	status: 'final', ...overrides
});

describe(`progress talks (${databaseKind})`, () => {
	it('are saved, edited and listed per year, drafts and final ones', async () => {
		const net = await makeNetwork();
		const user = await makeUser(h.db);
		const first = await saveTalk(h.db, { networkId: net.id, talk: talk(), userId: user.id });
		expect(first).toMatchObject({ ok: true, year: 2026 });
		await saveTalk(h.db, { networkId: net.id, talk: talk({ project: 'al eerder', year: '2025' }), userId: user.id });
		const draft = await saveTalk(h.db, { networkId: net.id, talk: talk({ project: 'Anders leren in de zorg', status: 'draft', results: '' }), userId: user.id });
		expect(draft.ok).toBe(true);

		expect((await talksOfYear(h.db, net.id, 2026)).map((t) => t.project)).toEqual(['Anders leren in de zorg', 'Leerambassadeurs in de bouw']);
		expect((await talksOfYear(h.db, net.id, 2026, { finalOnly: true })).map((t) => t.project)).toEqual(['Leerambassadeurs in de bouw']);
		expect(await talkYears(h.db, net.id)).toEqual([{ year: 2026, talks: 2, final: 1 }, { year: 2025, talks: 1, final: 1 }]);

		const id = (first as { id: string }).id;
		await createPilot(h.db, net.id, { name: 'Leerambassadeurs in de bouw', slug: 'leerambassadeurs' });
		const edited = await saveTalk(h.db, { networkId: net.id, talkId: id, talk: talk({ results: 'Negen bedrijven doen mee', pilotSlug: 'leerambassadeurs' }), userId: user.id });
		expect(edited.ok).toBe(true);
		expect(await findTalk(h.db, net.id, id)).toMatchObject({ results: 'Negen bedrijven doen mee', pilotSlug: 'leerambassadeurs', heldOn: '2026-11-12', updatedBy: user.id });
	});

	it('refuses a pilot of another network or no pilot at all, new or edited, and says so with the other mistakes', async () => {
		const net = await makeNetwork();
		const other = await makeNetwork('Sectorfonds West');
		const user = await makeUser(h.db);
		await createPilot(h.db, other.id, { name: 'Geheime pilot van West', slug: 'geheim-west' });
		expect(await saveTalk(h.db, { networkId: net.id, talk: talk({ pilotSlug: 'geheim-west' }), userId: user.id })).toEqual({ ok: false, errors: { pilotSlug: 'unknown-pilot' } });
		expect(await saveTalk(h.db, { networkId: net.id, talk: talk({ pilotSlug: 'bestaat-niet', project: '' }), userId: user.id })).toEqual({
			ok: false, errors: { pilotSlug: 'unknown-pilot', project: 'invalid' }
		});
		expect(await talksOfYear(h.db, net.id, 2026)).toEqual([]);
		const saved = await saveTalk(h.db, { networkId: net.id, talk: talk(), userId: user.id });
		if (!saved.ok) throw new Error('not saved');
		expect(await saveTalk(h.db, { networkId: net.id, talkId: saved.id, talk: talk({ pilotSlug: 'geheim-west' }), userId: user.id })).toEqual({ ok: false, errors: { pilotSlug: 'unknown-pilot' } });
		expect((await findTalk(h.db, net.id, saved.id))?.pilotSlug).toBeNull();
		// The network's own pilot, in any case, is taken.
		await createPilot(h.db, net.id, { name: 'Eigen pilot', slug: 'eigen' });
		expect((await saveTalk(h.db, { networkId: net.id, talkId: saved.id, talk: talk({ pilotSlug: ' Eigen ' }), userId: user.id })).ok).toBe(true);
		expect((await findTalk(h.db, net.id, saved.id))?.pilotSlug).toBe('eigen');
	});

	it('says per field what is wrong, and a final talk needs goals, what was done and results', async () => {
		const net = await makeNetwork();
		const user = await makeUser(h.db);
		expect(await saveTalk(h.db, { networkId: net.id, talk: talk({ project: '', goals: '', year: 'twee' }), userId: user.id })).toEqual({
			ok: false, errors: { project: 'invalid', goals: 'needed-when-final', year: 'invalid' }
		});
		expect(await talksOfYear(h.db, net.id, 2026)).toEqual([]);
	});

	it('of one network cannot be found or changed through another', async () => {
		const mine = await makeNetwork();
		const theirs = await makeNetwork('Sectorfonds West');
		const user = await makeUser(h.db);
		const saved = (await saveTalk(h.db, { networkId: theirs.id, talk: talk(), userId: user.id })) as { id: string };
		expect(await findTalk(h.db, mine.id, saved.id)).toBeNull();
		expect(await findTalk(h.db, mine.id, 'geen-uuid')).toBeNull();
		expect(await saveTalk(h.db, { networkId: mine.id, talkId: saved.id, talk: talk({ results: 'overschreven' }), userId: user.id })).toEqual({ ok: false, notFound: true });
		expect((await findTalk(h.db, theirs.id, saved.id))?.results).toBe('Zeven bedrijven doen mee');
	});
});

describe(`the annual report (${databaseKind})`, () => {
	it('keeps the coordinator\u2019s texts per year, changed in place', async () => {
		const net = await makeNetwork();
		const user = await makeUser(h.db);
		expect(await readAnnualText(h.db, net.id, 2026)).toEqual({ introduction: '', conclusions: '', updatedAt: null });
		await saveAnnualText(h.db, { networkId: net.id, text: { year: 2026, introduction: 'Eerste versie', conclusions: '' }, userId: user.id });
		await saveAnnualText(h.db, { networkId: net.id, text: { year: 2026, introduction: '# Ons jaar\n\nTweede versie', conclusions: 'Door!' }, userId: user.id });
		expect(await readAnnualText(h.db, net.id, 2026)).toMatchObject({ introduction: '# Ons jaar\n\nTweede versie', conclusions: 'Door!' });
		expect((await readAnnualText(h.db, net.id, 2025)).introduction).toBe('');
		expect(await saveAnnualText(h.db, { networkId: net.id, text: { year: 2026, introduction: 'x'.repeat(20001), conclusions: '' }, userId: user.id })).toEqual({ ok: false, fields: ['introduction'] });
	});

	it('gathers the texts and the year\u2019s final talks, says plainly there are no figures yet, and prints it all', async () => {
		const net = await makeNetwork('Leernetwerk "Oost" & #1');
		const user = await makeUser(h.db);
		await saveAnnualText(h.db, { networkId: net.id, text: { year: 2026, introduction: '## Ons jaar\n\nWe spraken **twaalf** projecten.\n\n- bouw\n- zorg', conclusions: 'We gaan door met #set page(width: 1cm) en $x$.' }, userId: user.id });
		await createPilot(h.db, net.id, { name: 'Leerambassadeurs in de bouw', slug: 'leerambassadeurs' });
		expect((await saveTalk(h.db, { networkId: net.id, talk: talk({ pilotSlug: 'leerambassadeurs' }), userId: user.id })).ok).toBe(true);
		await saveTalk(h.db, { networkId: net.id, talk: talk({ project: 'Nog een concept', status: 'draft' }), userId: user.id });
		await saveTalk(h.db, { networkId: net.id, talk: talk({ project: 'Vorig jaar', year: '2025' }), userId: user.id });
		const request = { network: net, year: 2026, locale: 'nl' as const, threshold: 5, today: '2026-12-15' };

		const input = await annualReportInput(h.db, request);
		expect(input.talks.map((t) => t.talk.project)).toEqual(['Leerambassadeurs in de bouw']);
		expect(input.drafts).toBe(1);
		expect(input.benchmark).toBeNull();
		// A pilot that a talk is about is in the pilots' chapter, without figures until its evaluation exists.
		expect(input.pilots).toEqual([{ slug: 'leerambassadeurs', name: 'Leerambassadeurs in de bouw', evaluation: null }]);

		const doc = await buildAnnualReport(h.db, request);
		expect(doc.title).toBe('Leernetwerk "Oost" & #1: jaarverslag 2026');
		const text = await pdfPlainText(renderReportPdf(doc));
		expect(text).toContain('Leernetwerk "Oost" & #1: jaarverslag 2026');
		expect(text).toContain('Ons jaar');
		expect(text).toContain('We spraken twaalf projecten.');
		expect(text).toContain('We gaan door met #set page(width: 1cm) en $x$.');
		expect(text).toContain('Er zijn nog geen cijfers van het netwerk');
		expect(text).toContain('Voor deze pilot zijn nog geen cijfers');
		expect(text).toContain('Voor het netwerk zijn nog geen cijfers gepubliceerd.');
		expect(text).toContain('Persoonlijk bellen werkt beter dan mailen');
		expect(text).toContain('projectleider, twee ondernemers');
		expect(text).toContain('12 november 2026');
		expect(text).toContain('staan niet in dit verslag (1)');
		expect(text).not.toContain('Nog een concept');
		expect(text).not.toContain('Vorig jaar');
		expect(text).toContain('Hoe komen deze cijfers tot stand?');
		// no figure is invented: without a benchmark, no score and no table of aspects
		expect(text).not.toContain('Gemiddelde score per onderdeel');
	});
});
