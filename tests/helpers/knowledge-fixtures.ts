// Knowledge-base entries for tests: a valid entry with overrides, and a folder of entry files to load.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KnowledgeEntry } from '../../src/lib/domain/knowledge/entry';
import { formatEntryFile } from '../../src/lib/server/knowledge/entry-file';

export function makeEntry(overrides: Partial<KnowledgeEntry> & { slug: string }): KnowledgeEntry {
	return {
		title: `Titel ${overrides.slug}`,
		summary: 'Een korte zin over dit stuk.',
		summaryEn: 'A short sentence about this entry.',
		kind: 'werkvorm',
		aspects: ['samen'],
		worries: [],
		targetGroup: 'het hele team',
		sizes: ['1-9', '10-49'],
		sectors: 'all',
		evidence: 'praktijkervaring',
		cost: 'geen',
		time: 'een uur',
		helpers: [],
		funding: ['geen'],
		keywords: [],
		sources: [{ title: 'Een bron', url: 'https://example.org/bron' }],
		body: 'Zo pakt u het aan.',
		...overrides
	};
}

/** The test entries every search test counts on. */
export const FIXTURE_ENTRIES: KnowledgeEntry[] = [
	makeEntry({
		slug: 'leerambassadeur',
		title: 'Een leerambassadeur in het team',
		summary: 'Een collega helpt anderen op weg met leren.',
		kind: 'interventie',
		aspects: ['samen', 'leiding'],
		worries: ['behouden'],
		keywords: ['ambassadeur', 'leercoach'],
		body: 'Een leerambassadeur praat met collega’s over hun wensen en wijst de weg naar een cursus.',
		cost: 'laag',
		evidence: 'goed-beschreven'
	}),
	makeEntry({
		slug: 'opleidingsplan',
		title: 'Een plan voor de opleiding van iedereen',
		summary: 'Maak samen een plan: wie leert wat dit jaar?',
		kind: 'werkvorm',
		aspects: ['organisatie'],
		worries: ['personeelstekort', 'vernieuwing'],
		sectors: ['bouw', 'installatie'],
		sizes: ['10-49', '50-249'],
		body: 'Zet per medewerker op papier welke opleiding past.',
		cost: 'midden'
	}),
	makeEntry({
		slug: 'fouten-bespreken',
		title: 'Leren van fouten bespreken',
		summary: 'Bespreek elke maand wat misging en wat u ervan leert.',
		kind: 'werkvorm',
		aspects: ['ruimte'],
		worries: ['inwerken'],
		body: 'Een vast moment in het werkoverleg om fouten te bespreken zonder schuldvraag.',
		evidence: 'goed-onderbouwd'
	})
];

/** A temporary folder with these entries as files; `remove` deletes it. */
export function entryFolder(entries: KnowledgeEntry[]): { dir: string; write(entry: KnowledgeEntry): void; writeText(file: string, text: string): void; remove(): void } {
	const dir = mkdtempSync(join(tmpdir(), 'kennisbank-'));
	const write = (entry: KnowledgeEntry) => writeFileSync(join(dir, `${entry.slug}.md`), formatEntryFile(entry));
	entries.forEach(write);
	return { dir, write, writeText: (file, text) => writeFileSync(join(dir, file), text), remove: () => rmSync(dir, { recursive: true, force: true }) };
}
