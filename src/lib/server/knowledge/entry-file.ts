// A knowledge-base entry as a Markdown file with YAML front matter: how the starter set is written in
// content/kennisbank/ and how `kennisbank import` / `export` move entries.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { entryFrontMatterSchema, knowledgeEntrySchema, type KnowledgeEntry } from '../../domain/knowledge/entry';

export type EntryFileResult = { ok: true; entry: KnowledgeEntry } | { ok: false; problems: string[] };

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

/** Reads one file's text; every problem is named with the field it is in, so a writer knows what to fix. */
export function parseEntryFile(text: string): EntryFileResult {
	const parts = FRONT_MATTER.exec(text);
	if (!parts) return { ok: false, problems: ['the file does not start with front matter between two --- lines'] };
	let data: unknown;
	try {
		data = parse(parts[1]!);
	} catch (e) {
		return { ok: false, problems: [`the front matter is not valid YAML: ${(e as Error).message.split('\n')[0]}`] };
	}
	const parsed = knowledgeEntrySchema.safeParse({ ...(data as object), body: parts[2] });
	if (parsed.success) return { ok: true, entry: parsed.data };
	return { ok: false, problems: parsed.error.issues.map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`) };
}

/** The file text for an entry; parseEntryFile gives the same entry back. */
export function formatEntryFile(entry: KnowledgeEntry): string {
	const { body, ...rest } = entry;
	const frontMatter = entryFrontMatterSchema.parse(rest);
	return `---\n${stringify(frontMatter, { lineWidth: 0 })}---\n\n${body.trim()}\n`;
}

export interface EntryFolderResult {
	entries: KnowledgeEntry[];
	/** Per file name, what is wrong with it. */
	invalid: { file: string; problems: string[] }[];
}

/** Every `*.md` file of a folder, sorted by name; a slug must match its file name. */
export function readEntryFolder(dir: string): EntryFolderResult {
	const result: EntryFolderResult = { entries: [], invalid: [] };
	for (const file of readdirSync(dir).filter((f) => f.endsWith('.md')).sort()) {
		const parsed = parseEntryFile(readFileSync(join(dir, file), 'utf8'));
		if (!parsed.ok) result.invalid.push({ file, problems: parsed.problems });
		else if (`${parsed.entry.slug}.md` !== file) result.invalid.push({ file, problems: [`slug: "${parsed.entry.slug}" differs from the file name`] });
		else result.entries.push(parsed.entry);
	}
	return result;
}
