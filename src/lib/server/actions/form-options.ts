// The choices on an action's form: the six aspects, the published knowledge-base entries and the firm's members.
import { loadInstrument, type AppLocale } from '../../domain/instrument';
import type { Database } from '../db/client';
import { listMembers } from '../firms/advisers';
import { publishedEntries } from '../knowledge/published-entries';

export interface Option {
	id: string;
	label: string;
}

export interface ActionFormOptions {
	aspects: Option[];
	entries: Option[];
	members: Option[];
}

export function aspectOptions(locale: AppLocale): Option[] {
	return loadInstrument().aspects.map((a) => ({ id: a.id, label: a.label[locale] }));
}

export async function actionFormOptions(db: Database, firmId: string, locale: AppLocale): Promise<ActionFormOptions> {
	const entries = await publishedEntries(db);
	const members = await listMembers(db, firmId);
	return {
		aspects: aspectOptions(locale),
		entries: entries.map((e) => ({ id: e.slug, label: e.title })).sort((a, b) => a.label.localeCompare(b.label, 'nl')),
		members: members.map((p) => ({ id: p.userId, label: p.name }))
	};
}
