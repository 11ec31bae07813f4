// The starter set of the knowledge base (content/kennisbank/): what issue 12 promises owners and coordinators
// it holds. Recommendations and the follow-up session can only point to what is here, so every aspect and every
// worry must have enough entries to choose from, and the options the founding documents ask for must exist.
import { describe, expect, it } from 'vitest';
import { ASPECT_IDS, WORRIES, type KnowledgeEntry } from '../../domain/knowledge/entry';
import { readEntryFolder } from './entry-file';
import { STARTER_FOLDER } from './starter-entries';

/** The practical options of the founding documents (seed 003 and the others), by the slug that carries each. */
const PRACTICAL_OPTIONS = {
	'waarderende zelfscan': 'waarderende-zelfscan',
	'meester-gezel': 'meester-gezel',
	leerambassadeur: 'leerambassadeurs',
	'menukaart (scholing per sector)': 'menukaart',
	ontwikkelplan: 'ontwikkelplan',
	ontwikkelgesprek: 'ontwikkelgesprek',
	'gepensioneerde ondernemer als klankbord': 'ondernemersklankbord',
	'leren van fouten bespreken': 'leren-van-fouten',
	inwerkprogramma: 'inwerkprogramma',
	'kennisdelen in het team': 'kennisdelen-in-het-team',
	'leren bij klanten en leveranciers': 'leren-bij-klanten-en-leveranciers',
	'overzicht van initiatieven': 'overzicht-initiatieven',
	'studenten die het bedrijf doorlichten': 'studenten-adviseren-uw-bedrijf',
	'samenwerken over de grenzen van een sector': 'samenwerken-over-sectorgrenzen',
	'vakbonden betrekken': 'vakbond-als-partner'
} as const;

/** The public routes, each with the funding route it stands for. */
const PUBLIC_ROUTES = {
	'slim-subsidie': ['slim-a', 'slim-b', 'slim-c'],
	'slim-bedrijfsscan': ['slim-a'],
	'slim-loopbaanadvies': ['slim-b'],
	'slim-leren-tijdens-werk': ['slim-c'],
	'oo-fondsen': ['oo-fonds'],
	leerwerkloket: ['leerwerkloket']
} as const;

/** The five founding documents; a seed source must name one of them. */
const SEED_FILES = [
	'000_e313789b6d7219f7.txt',
	'001_e1bb1caba80f4075.txt',
	'002_edd3866d44e0ae4e.txt',
	'003_bae1c467e5b2eed2.txt',
	'004_3712239f28d0888c.txt'
];

const folder = readEntryFolder(STARTER_FOLDER);
const entries = folder.entries;
const bySlug = new Map(entries.map((e) => [e.slug, e]));
const words = (entry: KnowledgeEntry) => entry.body.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

describe('the starter set of the knowledge base', () => {
	it('has at least 40 entries and no file that fails the schema', () => {
		expect(folder.invalid).toEqual([]);
		expect(entries.length).toBeGreaterThanOrEqual(40);
	});

	it('gives every slug once', () => {
		const slugs = entries.map((e) => e.slug);
		expect(new Set(slugs).size).toBe(slugs.length);
	});

	it.each([...ASPECT_IDS])('has at least four entries for the aspect %s', (aspect) => {
		expect(entries.filter((e) => e.aspects.includes(aspect)).length).toBeGreaterThanOrEqual(4);
	});

	it.each([...WORRIES])('has at least four entries for the worry %s', (worry) => {
		expect(entries.filter((e) => e.worries.includes(worry)).length).toBeGreaterThanOrEqual(4);
	});

	it.each(Object.entries(PRACTICAL_OPTIONS))('holds the practical option "%s" as %s', (_option, slug) => {
		expect(bySlug.has(slug), slug).toBe(true);
	});

	it.each(Object.entries(PUBLIC_ROUTES))('holds the public route %s as a regeling with its funding route', (slug, routes) => {
		const entry = bySlug.get(slug);
		expect(entry?.kind).toBe('regeling');
		expect(entry?.funding).toEqual(expect.arrayContaining([...routes]));
	});

	it('has every kind of entry, research and illustrated examples among them', () => {
		const count = (kind: KnowledgeEntry['kind']) => entries.filter((e) => e.kind === kind).length;
		expect(count('interventie')).toBeGreaterThanOrEqual(1);
		expect(count('werkvorm')).toBeGreaterThanOrEqual(1);
		expect(count('regeling')).toBeGreaterThanOrEqual(4);
		expect(count('onderzoek')).toBeGreaterThanOrEqual(4);
		expect(count('praktijkvoorbeeld')).toBeGreaterThanOrEqual(3);
	});

	it('says in every praktijkvoorbeeld that it is an illustration, not a real firm', () => {
		for (const entry of entries.filter((e) => e.kind === 'praktijkvoorbeeld')) {
			expect(entry.body, entry.slug).toMatch(/dit is een voorbeeld/i);
			expect(entry.body, entry.slug).toMatch(/bestaan niet/);
		}
	});

	it('has some sector-specific entries next to the ones for all sectors', () => {
		const specific = entries.filter((e) => e.sectors !== 'all');
		expect(specific.length).toBeGreaterThanOrEqual(5);
		expect(entries.length - specific.length).toBeGreaterThan(specific.length);
	});

	it('cites sources by https address or by one of the founding documents', () => {
		for (const entry of entries) {
			for (const source of entry.sources) {
				if ('url' in source) expect(new URL(source.url).protocol, `${entry.slug}: ${source.url}`).toBe('https:');
				else expect(SEED_FILES, `${entry.slug}: ${source.seed}`).toContain(source.seed);
			}
		}
	});

	it('keeps each body between 200 and 400 words', () => {
		const outside = entries.map((e) => ({ slug: e.slug, words: words(e) })).filter((e) => e.words < 200 || e.words > 400);
		expect(outside).toEqual([]);
	});

	it('starts each body with the section "Wat is het?" or the note that it is an example', () => {
		for (const entry of entries) expect(entry.body.trimStart(), entry.slug).toMatch(/^## (Wat is het\?|Let op: dit is een voorbeeld)/);
	});
});
