import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseKind, openTestDatabase } from '../../../../tests/helpers/database';
import { makeUser } from '../../../../tests/helpers/factories';
import { entryFolder, FIXTURE_ENTRIES, makeEntry } from '../../../../tests/helpers/knowledge-fixtures';
import type { DatabaseHandle } from '../db/client';
import { loadEntryFiles } from './load-entry-files';
import { publishedEntries } from './published-entries';
import { entryForEditor, entryHistory, entriesWithDraft, publishedEntry } from './read-entry';
import { saveEntry } from './save-entry';
import { searchEntries } from './search-entries';

let h: DatabaseHandle;
let folder: ReturnType<typeof entryFolder>;
beforeEach(async () => {
	h = await openTestDatabase();
	folder = entryFolder(FIXTURE_ENTRIES);
});
afterEach(async () => {
	folder.remove();
	await h.close();
});

const starter = () => loadEntryFiles(h.db, folder.dir, { source: 'starter' });
const fixture = (slug: string) => FIXTURE_ENTRIES.find((e) => e.slug === slug)!;

describe(`loading entry files (${databaseKind})`, () => {
	it('makes a published entry of each new file, and nothing new when the files did not change', async () => {
		expect((await starter()).added.sort()).toEqual(['fouten-bespreken', 'leerambassadeur', 'opleidingsplan']);
		const again = await starter();
		expect(again.added).toEqual([]);
		expect(again.unchanged.length).toBe(3);
		expect((await publishedEntry(h.db, 'leerambassadeur'))?.entry).toEqual(fixture('leerambassadeur'));
	});

	it('makes a changed file a new published version', async () => {
		await starter();
		folder.write({ ...fixture('opleidingsplan'), summary: 'Een nieuwe zin.' });
		expect((await starter()).updated).toEqual(['opleidingsplan']);
		const shown = await publishedEntry(h.db, 'opleidingsplan');
		expect(shown).toMatchObject({ number: 2, entry: { summary: 'Een nieuwe zin.' } });
		expect((await entryHistory(h.db, 'opleidingsplan'))!.map((v) => [v.number, v.source, v.changed])).toEqual([
			[2, 'starter', ['summary']],
			[1, 'starter', expect.arrayContaining(['title', 'body'])]
		]);
	});

	it('never overwrites an entry edited in the app with its changed starter file, and says it skipped the file', async () => {
		const editor = await makeUser(h.db, { role: 'coordinator', name: 'Carla Coördinator' });
		await starter();
		const edited = { ...fixture('opleidingsplan'), title: 'Opleidingsplan, zoals de coördinator het schreef' };
		expect(await saveEntry(h.db, { entry: edited, publish: true, userId: editor.id, baseVersion: 1 })).toEqual({ ok: true, number: 2 });
		folder.write({ ...fixture('opleidingsplan'), summary: 'Een nieuwe zin uit het bestand.' });
		const report = await starter();
		expect(report.skipped).toEqual([{ slug: 'opleidingsplan', file: 'opleidingsplan.md' }]);
		expect((await publishedEntry(h.db, 'opleidingsplan'))!.entry.title).toBe(edited.title);
		const history = await entryHistory(h.db, 'opleidingsplan');
		expect(history!.map((v) => [v.number, v.source, v.by])).toEqual([
			[2, 'app', 'Carla Coördinator'],
			[1, 'starter', null]
		]);
		// At every start while the file differs, so the operator sees which files no longer count.
		expect((await starter()).skipped.length).toBe(1);
	});

	it('names an invalid file and its fields, and still loads the others', async () => {
		folder.writeText('kapot.md', '---\nslug: kapot\ntitle: Kapot\nkind: workshop\n---\nTekst');
		const report = await starter();
		expect(report.added.length).toBe(3);
		expect(report.invalid).toEqual([{ file: 'kapot.md', problems: expect.arrayContaining([expect.stringMatching(/^kind:/), expect.stringMatching(/^summary:/)]) }]);
	});

	it('imports over an app edit only with force', async () => {
		const editor = await makeUser(h.db, { role: 'admin' });
		await starter();
		await saveEntry(h.db, { entry: { ...fixture('leerambassadeur'), title: 'Bewerkt' }, publish: true, userId: editor.id, baseVersion: 1 });
		const other = entryFolder([{ ...fixture('leerambassadeur'), title: 'Uit een import' }, makeEntry({ slug: 'nieuw-stuk' })]);
		try {
			const first = await loadEntryFiles(h.db, other.dir, { source: 'import' });
			expect(first).toMatchObject({ added: ['nieuw-stuk'], skipped: [{ slug: 'leerambassadeur' }] });
			expect((await publishedEntry(h.db, 'leerambassadeur'))!.entry.title).toBe('Bewerkt');
			const forced = await loadEntryFiles(h.db, other.dir, { source: 'import', force: true });
			expect(forced.updated).toEqual(['leerambassadeur']);
			expect((await publishedEntry(h.db, 'leerambassadeur'))!.entry.title).toBe('Uit een import');
		} finally {
			other.remove();
		}
	});
});

describe(`drafts (${databaseKind})`, () => {
	it('keeps a draft out of the published entries, the page and the search until it is published', async () => {
		const editor = await makeUser(h.db, { role: 'admin' });
		await starter();
		const draft = makeEntry({ slug: 'geheim-concept', title: 'Kennisdeling aan de koffietafel' });
		expect(await saveEntry(h.db, { entry: draft, publish: false, userId: editor.id })).toEqual({ ok: true, number: 1 });
		await saveEntry(h.db, { entry: { ...fixture('fouten-bespreken'), title: 'Nog niet klaar' }, publish: false, userId: editor.id, baseVersion: 1 });

		expect(await publishedEntry(h.db, 'geheim-concept')).toBeNull();
		expect((await publishedEntry(h.db, 'fouten-bespreken'))!.entry.title).toBe('Leren van fouten bespreken');
		expect((await searchEntries(h.db, 'koffietafel')).hits).toEqual([]);
		expect((await searchEntries(h.db, 'klaar')).hits).toEqual([]);
		expect((await searchEntries(h.db, '')).hits.map((hit) => hit.slug)).not.toContain('geheim-concept');
		expect((await entriesWithDraft(h.db)).map((d) => d.slug).sort()).toEqual(['fouten-bespreken', 'geheim-concept']);
		expect((await entryForEditor(h.db, 'fouten-bespreken'))).toMatchObject({ number: 2, publishedNumber: 1, entry: { title: 'Nog niet klaar' } });

		expect(await saveEntry(h.db, { entry: draft, publish: true, userId: editor.id, baseVersion: 1 })).toEqual({ ok: true, number: 2 });
		expect((await searchEntries(h.db, 'koffietafel')).hits.map((hit) => hit.slug)).toEqual(['geheim-concept']);
	});

	it('refuses a new entry with a slug in use and an edit of an older version than the newest', async () => {
		const editor = await makeUser(h.db, { role: 'admin' });
		await starter();
		expect(await saveEntry(h.db, { entry: fixture('opleidingsplan'), publish: true, userId: editor.id })).toEqual({ ok: false, reason: 'slug-taken' });
		await saveEntry(h.db, { entry: { ...fixture('opleidingsplan'), title: 'Eerste' }, publish: true, userId: editor.id, baseVersion: 1 });
		expect(await saveEntry(h.db, { entry: { ...fixture('opleidingsplan'), title: 'Tweede' }, publish: true, userId: editor.id, baseVersion: 1 })).toEqual({ ok: false, reason: 'stale' });
	});
});

describe(`published entries for other features (${databaseKind})`, () => {
	it('holds the starter set of content/kennisbank, each entry once', async () => {
		const slugs = (await publishedEntries(h.db)).map((e) => e.slug);
		expect(slugs).toContain('meester-gezel');
		expect(slugs).toContain('slim-subsidie');
		expect(new Set(slugs).size).toBe(slugs.length);
	});
});
