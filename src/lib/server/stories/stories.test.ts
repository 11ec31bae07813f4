import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { databaseKind, openTestDatabase } from '../../../../tests/helpers/database';
import { makeFirm, makeUser } from '../../../../tests/helpers/factories';
import type { DatabaseHandle } from '../db/client';
import { knowledgeEntry, knowledgeEntryVersion, successStory } from '../db/schema';
import { publishedEntries } from '../knowledge/published-entries';
import { storiesForReview, storiesOfFirm, storyForReview, storyOfFirm } from './list-stories';
import { reviewStory } from './review-story';
import { saveStory } from './save-story';

let h: DatabaseHandle;
beforeAll(async () => {
	h = await openTestDatabase();
});
afterAll(async () => {
	await h.close();
});

let n = 0;
const story = (over: Record<string, unknown> = {}) => ({
	title: `Samen leren op de werkvloer ${n++}`,
	what: 'Elke vrijdag bespreken we tien minuten wat er die week misging en wat we ervan leerden.',
	result: 'Fouten worden eerder genoemd en niemand schaamt zich er nog voor.',
	tip: 'Begin zelf met een eigen fout.',
	aspects: ['ruimte'],
	costBand: 'geen',
	funding: ['geen'],
	time: '',
	showFirmName: false,
	...over
});

async function setup() {
	const owner = await makeUser(h.db);
	const coordinator = await makeUser(h.db, { role: 'coordinator' });
	const firm = await makeFirm(h.db, { ownerId: owner.id, name: `Garage Geheim ${n++}` });
	return { owner, coordinator, firm };
}

const review = (storyId: string, userId: string, decision: 'approve' | 'return', note = '') =>
	reviewStory(h.db, { storyId, userId, decision, note, origin: 'https://leerkompas.example', today: '2026-06-01' });

describe(`a success story (${databaseKind})`, () => {
	it('goes from draft to submitted to sent back, and after a change to approved entry', async () => {
		const { owner, coordinator, firm } = await setup();
		const draft = await saveStory(h.db, { firmId: firm.id, story: story(), userId: owner.id, submit: false, consent: false });
		expect(draft).toMatchObject({ ok: true, status: 'draft' });
		const id = (draft as { id: string }).id;
		expect(await storyForReview(h.db, id)).toBeNull();
		expect(await review(id, coordinator.id, 'approve')).toEqual({ ok: false, reason: 'not-found' });

		expect(await saveStory(h.db, { firmId: firm.id, storyId: id, story: story(), userId: owner.id, submit: true, consent: true })).toMatchObject({ ok: true, status: 'submitted' });
		expect((await storiesForReview(h.db)).map((s) => s.id)).toContain(id);
		// Submitted: the firm waits and cannot change it.
		expect(await saveStory(h.db, { firmId: firm.id, storyId: id, story: story(), userId: owner.id, submit: false, consent: false })).toEqual({ ok: false, reason: 'locked' });

		expect(await review(id, coordinator.id, 'return')).toEqual({ ok: false, reason: 'note-missing' });
		expect(await review(id, coordinator.id, 'return', 'Haal de voornaam in de tweede zin weg.')).toEqual({ ok: true, entrySlug: null });
		expect(await storyOfFirm(h.db, firm.id, id)).toMatchObject({ status: 'returned', reviewNote: 'Haal de voornaam in de tweede zin weg.' });
		expect((await storiesForReview(h.db)).map((s) => s.id)).not.toContain(id);

		const title = `Fouten bespreken op vrijdag ${n++}`;
		await saveStory(h.db, { firmId: firm.id, storyId: id, story: story({ title }), userId: owner.id, submit: true, consent: true });
		const approved = await review(id, coordinator.id, 'approve');
		expect(approved.ok).toBe(true);
		const slug = (approved as { entrySlug: string }).entrySlug;
		expect(slug).toMatch(/^praktijk-fouten-bespreken-op-vrijdag/);
		expect(await storyOfFirm(h.db, firm.id, id)).toMatchObject({ status: 'approved', entrySlug: slug });

		const entry = (await publishedEntries(h.db)).find((e) => e.slug === slug);
		expect(entry).toMatchObject({ kind: 'praktijkvoorbeeld', title, aspects: ['ruimte'] });
		expect(entry?.sources[0]).toMatchObject({ url: `https://leerkompas.example/knowledge/${slug}` });
		expect(JSON.stringify(entry)).not.toContain('Garage Geheim');
		// Approved is final: no second review, no change by the firm.
		expect(await review(id, coordinator.id, 'approve')).toEqual({ ok: false, reason: 'not-found' });
		expect(await saveStory(h.db, { firmId: firm.id, storyId: id, story: story(), userId: owner.id, submit: false, consent: false })).toEqual({ ok: false, reason: 'locked' });
	});

	it('cannot be submitted without consent, and a story without consent is never shown or published', async () => {
		const { owner, coordinator, firm } = await setup();
		const refused = await saveStory(h.db, { firmId: firm.id, story: story(), userId: owner.id, submit: true, consent: false });
		expect(refused).toEqual({ ok: false, errors: { consent: true } });
		expect(await storiesOfFirm(h.db, firm.id)).toEqual([]);

		// Even a row marked submitted without consent (not possible through the use case) stays hidden.
		const [row] = await h.db.insert(successStory).values({ ...story(), firmId: firm.id, status: 'submitted', writtenBy: owner.id }).returning();
		expect((await storiesForReview(h.db)).map((s) => s.id)).not.toContain(row!.id);
		expect(await review(row!.id, coordinator.id, 'approve')).toEqual({ ok: false, reason: 'not-found' });
		expect((await publishedEntries(h.db)).some((e) => e.title === row!.title)).toBe(false);
	});

	it('names the firm in the entry only when chosen, and gives two stories with one title two slugs', async () => {
		const { owner, coordinator, firm } = await setup();
		const title = `Een leerambassadeur kiezen ${n++}`;
		const ids: string[] = [];
		for (const showFirmName of [true, false]) {
			const saved = await saveStory(h.db, { firmId: firm.id, story: story({ title, showFirmName }), userId: owner.id, submit: true, consent: true });
			ids.push((saved as { id: string }).id);
		}
		const slugs: string[] = [];
		for (const id of ids) slugs.push(((await review(id, coordinator.id, 'approve')) as { entrySlug: string }).entrySlug);
		expect(slugs[1]).toBe(`${slugs[0]}-2`);
		const entries = await publishedEntries(h.db);
		expect(entries.find((e) => e.slug === slugs[0])?.body).toContain(firm.name);
		expect(entries.find((e) => e.slug === slugs[1])?.body).not.toContain(firm.name);
	});

	it('is a published entry with its history, made by the approving coordinator', async () => {
		const { owner, coordinator, firm: f } = await setup();
		const saved = (await saveStory(h.db, { firmId: f.id, story: story(), userId: owner.id, submit: true, consent: true })) as { id: string };
		const { entrySlug } = (await review(saved.id, coordinator.id, 'approve')) as { entrySlug: string };
		const [row] = await h.db
			.select({ createdBy: knowledgeEntryVersion.createdBy, number: knowledgeEntryVersion.number })
			.from(knowledgeEntryVersion)
			.innerJoin(knowledgeEntry, eq(knowledgeEntry.publishedVersionId, knowledgeEntryVersion.id))
			.where(eq(knowledgeEntry.slug, entrySlug));
		expect(row).toEqual({ createdBy: coordinator.id, number: 1 });
	});

	it('keeps each firm to its own stories', async () => {
		const a = await setup();
		const b = await setup();
		const saved = (await saveStory(h.db, { firmId: a.firm.id, story: story(), userId: a.owner.id, submit: false, consent: false })) as { id: string };
		expect(await storyOfFirm(h.db, b.firm.id, saved.id)).toBeNull();
		expect(await saveStory(h.db, { firmId: b.firm.id, storyId: saved.id, story: story(), userId: b.owner.id, submit: false, consent: false })).toEqual({ ok: false, reason: 'not-found' });
		const [row] = await h.db.select().from(successStory).where(eq(successStory.id, saved.id));
		expect(row?.firmId).toBe(a.firm.id);
	});
});
