// A post of the entry editor: show a preview, or save the entry as a draft or published. Whatever happens, the
// form comes back with everything as typed, and each wrong field says in plain words what to fix.
import type { Database } from '../db/client';
import * as m from '../../paraglide/messages';
import { entryFormValues, entryFromForm, entryIntentSchema, type EntryFormValues } from './save-entry.schema';
import { entryForEditor } from './read-entry';
import { renderEntryBody } from './render-body';
import { saveEntry } from './save-entry';

export type EntryFormOutcome =
	| { kind: 'preview'; values: EntryFormValues; preview: string }
	| { kind: 'invalid'; values: EntryFormValues; errors: Record<string, string>; message: string }
	| { kind: 'saved'; slug: string; number: number; published: boolean };

const fieldErrors: Record<string, () => string> = {
	slug: m.knowledge_error_slug,
	title: m.knowledge_error_title,
	summary: m.knowledge_error_summary,
	summaryEn: m.knowledge_error_summaryEn,
	kind: m.knowledge_error_kind,
	aspects: m.knowledge_error_aspects,
	worries: m.knowledge_error_worries,
	targetGroup: m.knowledge_error_targetGroup,
	sizes: m.knowledge_error_sizes,
	sectors: m.knowledge_error_sectors,
	evidence: m.knowledge_error_evidence,
	cost: m.knowledge_error_cost,
	time: m.knowledge_error_time,
	helpers: m.knowledge_error_helpers,
	funding: m.knowledge_error_funding,
	keywords: m.knowledge_error_keywords,
	sources: m.knowledge_error_sources,
	body: m.knowledge_error_body
};

/** `slug` is the entry being edited, absent for a new one (whose slug comes from the form). */
export async function submitEntryForm(db: Database, form: FormData, userId: string, slug?: string): Promise<EntryFormOutcome> {
	const values = entryFormValues(form);
	if (slug) values.slug = slug;
	const intent = entryIntentSchema.catch('preview').parse(form.get('intent'));
	if (intent === 'preview') return { kind: 'preview', values, preview: renderEntryBody(values.body) };
	const parsed = entryFromForm(values);
	if (!parsed.ok) {
		const errors = Object.fromEntries(parsed.fields.map((field) => [field, (fieldErrors[field] ?? m.knowledge_error_body)()]));
		return { kind: 'invalid', values, errors, message: m.knowledge_editor_errors() };
	}
	const baseVersion = slug ? Number.parseInt(values.baseVersion, 10) || 0 : undefined;
	const saved = await saveEntry(db, { entry: parsed.entry, publish: intent === 'publish', userId, baseVersion });
	if (saved.ok) return { kind: 'saved', slug: parsed.entry.slug, number: saved.number, published: intent === 'publish' };
	if (saved.reason === 'slug-taken') return { kind: 'invalid', values, errors: { slug: m.knowledge_error_slug_taken() }, message: m.knowledge_editor_errors() };
	// Someone saved a newer version meanwhile: the text stays, and the next save builds on the newest version.
	const latest = await entryForEditor(db, values.slug);
	const number = latest?.number ?? 0;
	return { kind: 'invalid', values: { ...values, baseVersion: String(number) }, errors: {}, message: m.knowledge_error_stale({ number }) };
}
