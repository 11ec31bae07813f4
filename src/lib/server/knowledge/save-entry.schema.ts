// The entry form of the editor: every field of an entry, lists as one line per item, as posted by a plain form.
import { z } from 'zod';
import { knowledgeEntrySchema, type KnowledgeEntry } from '../../domain/knowledge/entry';

const ENTRY_FORM_INTENTS = ['preview', 'draft', 'publish'] as const;

/** The fields of the form, as typed: what comes back to the form when something is wrong. */
export interface EntryFormValues {
	slug: string;
	title: string;
	summary: string;
	summaryEn: string;
	kind: string;
	aspects: string[];
	worries: string[];
	targetGroup: string;
	sizes: string[];
	/** 'all', or 'chosen' with the sectors ticked. */
	sectorScope: string;
	sectors: string[];
	evidence: string;
	cost: string;
	time: string;
	helpers: string;
	funding: string[];
	keywords: string;
	/** One source per line: "title | https://…" or "title | seed:003_….txt". */
	sources: string;
	body: string;
	/** The version the editor started from, so a change made meanwhile by someone else is not lost. */
	baseVersion: string;
}

const one = (form: FormData, name: string) => {
	const value = form.get(name);
	return typeof value === 'string' ? value : '';
};
const all = (form: FormData, name: string) => form.getAll(name).filter((v): v is string => typeof v === 'string');
const lines = (text: string) =>
	text
		.split(/\r?\n/)
		.map((l) => l.trim())
		.filter(Boolean);

export function entryFormValues(form: FormData): EntryFormValues {
	return {
		slug: one(form, 'slug').trim().toLowerCase(),
		title: one(form, 'title'),
		summary: one(form, 'summary'),
		summaryEn: one(form, 'summaryEn'),
		kind: one(form, 'kind'),
		aspects: all(form, 'aspects'),
		worries: all(form, 'worries'),
		targetGroup: one(form, 'targetGroup'),
		sizes: all(form, 'sizes'),
		sectorScope: one(form, 'sectorScope') === 'chosen' ? 'chosen' : 'all',
		sectors: all(form, 'sectors'),
		evidence: one(form, 'evidence'),
		cost: one(form, 'cost'),
		time: one(form, 'time'),
		helpers: one(form, 'helpers'),
		funding: all(form, 'funding'),
		keywords: one(form, 'keywords'),
		sources: one(form, 'sources'),
		body: one(form, 'body'),
		baseVersion: one(form, 'baseVersion')
	};
}

/** The form's values for an existing entry. */
export function entryToFormValues(entry: KnowledgeEntry, baseVersion: number): EntryFormValues {
	return {
		slug: entry.slug,
		title: entry.title,
		summary: entry.summary,
		summaryEn: entry.summaryEn,
		kind: entry.kind,
		aspects: [...entry.aspects],
		worries: [...entry.worries],
		targetGroup: entry.targetGroup,
		sizes: [...entry.sizes],
		sectorScope: entry.sectors === 'all' ? 'all' : 'chosen',
		sectors: entry.sectors === 'all' ? [] : [...entry.sectors],
		evidence: entry.evidence,
		cost: entry.cost,
		time: entry.time,
		helpers: entry.helpers.join('\n'),
		funding: [...entry.funding],
		keywords: entry.keywords.join('\n'),
		sources: entry.sources.map((s) => `${s.title} | ${'url' in s ? s.url : `seed:${s.seed}`}`).join('\n'),
		body: entry.body,
		baseVersion: String(baseVersion)
	};
}

function source(line: string): unknown {
	const cut = line.lastIndexOf('|');
	if (cut < 0) return { title: line, url: '' };
	const title = line.slice(0, cut).trim();
	const where = line.slice(cut + 1).trim();
	return where.startsWith('seed:') ? { title, seed: where.slice(5).trim() } : { title, url: where };
}

/** The entry the form describes, checked by the entry schema; on failure the problems per form field. */
export function entryFromForm(values: EntryFormValues): { ok: true; entry: KnowledgeEntry } | { ok: false; fields: string[] } {
	const parsed = knowledgeEntrySchema.safeParse({
		slug: values.slug,
		title: values.title,
		summary: values.summary,
		summaryEn: values.summaryEn,
		kind: values.kind,
		aspects: values.aspects,
		worries: values.worries,
		targetGroup: values.targetGroup,
		sizes: values.sizes,
		sectors: values.sectorScope === 'chosen' ? values.sectors : 'all',
		evidence: values.evidence,
		cost: values.cost,
		time: values.time,
		helpers: lines(values.helpers),
		funding: values.funding,
		keywords: lines(values.keywords),
		sources: lines(values.sources).map(source),
		body: values.body
	});
	if (parsed.success) return { ok: true, entry: parsed.data };
	return { ok: false, fields: [...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? 'body')))] };
}

export const entryIntentSchema = z.enum(ENTRY_FORM_INTENTS);
