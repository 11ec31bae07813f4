// Labels for the fixed lists of a knowledge-base entry, in the reader's language. Aspect names come from the
// instrument itself, so the knowledge base calls them what the report calls them.
import { loadInstrument } from './domain/instrument';
import type { FilterName } from './domain/knowledge/filters';
import { sectorLabel } from './firm-labels';
import * as m from './paraglide/messages';
import { uiLocale } from './locale';

const kinds: Record<string, () => string> = {
	interventie: m.knowledge_kind_interventie,
	werkvorm: m.knowledge_kind_werkvorm,
	praktijkvoorbeeld: m.knowledge_kind_praktijkvoorbeeld,
	onderzoek: m.knowledge_kind_onderzoek,
	regeling: m.knowledge_kind_regeling
};
const worries: Record<string, () => string> = {
	personeelstekort: m.knowledge_worry_personeelstekort,
	behouden: m.knowledge_worry_behouden,
	vernieuwing: m.knowledge_worry_vernieuwing,
	'zij-instromers': m.knowledge_worry_zij_instromers,
	inwerken: m.knowledge_worry_inwerken,
	vergrijzing: m.knowledge_worry_vergrijzing
};
const evidence: Record<string, [() => string, () => string]> = {
	praktijkervaring: [m.knowledge_evidence_praktijkervaring, m.knowledge_evidence_praktijkervaring_explained],
	'goed-beschreven': [m.knowledge_evidence_goed_beschreven, m.knowledge_evidence_goed_beschreven_explained],
	'goed-onderbouwd': [m.knowledge_evidence_goed_onderbouwd, m.knowledge_evidence_goed_onderbouwd_explained],
	'effectief-eerste': [m.knowledge_evidence_effectief_eerste, m.knowledge_evidence_effectief_eerste_explained],
	'effectief-goede': [m.knowledge_evidence_effectief_goede, m.knowledge_evidence_effectief_goede_explained],
	'effectief-sterke': [m.knowledge_evidence_effectief_sterke, m.knowledge_evidence_effectief_sterke_explained]
};
const costs: Record<string, [() => string, () => string]> = {
	geen: [m.knowledge_cost_geen, m.knowledge_cost_geen_explained],
	laag: [m.knowledge_cost_laag, m.knowledge_cost_laag_explained],
	midden: [m.knowledge_cost_midden, m.knowledge_cost_midden_explained],
	hoog: [m.knowledge_cost_hoog, m.knowledge_cost_hoog_explained]
};
const sizes: Record<string, () => string> = {
	'1-9': m.knowledge_size_1_9,
	'10-49': m.knowledge_size_10_49,
	'50-249': m.knowledge_size_50_249
};
const funding: Record<string, () => string> = {
	'slim-a': m.knowledge_funding_slim_a,
	'slim-b': m.knowledge_funding_slim_b,
	'slim-c': m.knowledge_funding_slim_c,
	'oo-fonds': m.knowledge_funding_oo_fonds,
	leerwerkloket: m.knowledge_funding_leerwerkloket,
	geen: m.knowledge_funding_geen
};

export const aspectLabel = (id: string): string => {
	const aspect = loadInstrument('v1').aspects.find((a) => a.id === id);
	return aspect ? (uiLocale() === 'en' ? aspect.label.en : aspect.label.nl) : id;
};
export const kindLabel = (id: string): string => kinds[id]?.() ?? id;
export const worryLabel = (id: string): string => worries[id]?.() ?? id;
export const evidenceLabel = (id: string): string => evidence[id]?.[0]() ?? id;
export const evidenceExplained = (id: string): string => evidence[id]?.[1]() ?? '';
export const costLabel = (id: string): string => costs[id]?.[0]() ?? id;
export const costExplained = (id: string): string => costs[id]?.[1]() ?? '';
export const sizeLabel = (id: string): string => sizes[id]?.() ?? id;
export const fundingLabel = (id: string): string => funding[id]?.() ?? id;

/** The label of a value of any search filter. */
export function filterValueLabel(name: FilterName, value: string): string {
	switch (name) {
		case 'aspect':
			return aspectLabel(value);
		case 'worry':
			return worryLabel(value);
		case 'kind':
			return kindLabel(value);
		case 'sector':
			return sectorLabel(value);
		case 'size':
			return sizeLabel(value);
		case 'cost':
			return costLabel(value);
		case 'evidence':
			return evidenceLabel(value);
	}
}

export const filterLabel: Record<FilterName, () => string> = {
	aspect: m.knowledge_filter_aspect,
	worry: m.knowledge_filter_worry,
	kind: m.knowledge_filter_kind,
	sector: m.knowledge_filter_sector,
	size: m.knowledge_filter_size,
	cost: m.knowledge_filter_cost,
	evidence: m.knowledge_filter_evidence
};

const fields: Record<string, () => string> = {
	slug: m.knowledge_field_slug,
	title: m.knowledge_field_title,
	summary: m.knowledge_field_summary,
	summaryEn: m.knowledge_field_summaryEn,
	kind: m.knowledge_field_kind,
	aspects: m.knowledge_field_aspects,
	worries: m.knowledge_field_worries,
	targetGroup: m.knowledge_field_targetGroup,
	sizes: m.knowledge_field_sizes,
	sectors: m.knowledge_field_sectors,
	evidence: m.knowledge_field_evidence,
	cost: m.knowledge_field_cost,
	time: m.knowledge_field_time,
	helpers: m.knowledge_field_helpers,
	funding: m.knowledge_field_funding,
	keywords: m.knowledge_field_keywords,
	sources: m.knowledge_field_sources,
	body: m.knowledge_field_body
};
/** The name of an entry's field, as the editor shows it. */
export const fieldLabel = (id: string): string => fields[id]?.() ?? id;
