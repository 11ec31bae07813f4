// A knowledge-base entry (kennisbank): an intervention, a way of working, an example from practice, research
// or a public arrangement. The fields follow the Dutch intervention databanks (Movisie, NJi): what it is for,
// for whom, how strong the evidence is, what it costs and who can help. The files in content/kennisbank/ and
// entries edited in the app both pass this schema.
import { z } from 'zod';
import { SECTORS } from '../firm/attributes';

/** The six aspects of the learning-culture model (instrument v1); a test checks them against the instrument. */
export const ASPECT_IDS = ['werk', 'ruimte', 'samen', 'leiding', 'organisatie', 'buitenwereld'] as const;

export const ENTRY_KINDS = ['interventie', 'werkvorm', 'praktijkvoorbeeld', 'onderzoek', 'regeling'] as const;

/** What an owner worries about most ("Wat houdt u het meest bezig?"), asked once per firm. */
export const WORRIES = ['personeelstekort', 'behouden', 'vernieuwing', 'zij-instromers', 'inwerken', 'vergrijzing'] as const;

/** Evidence levels after the Dutch databanks, weakest first (the order is used in recommendations). */
export const EVIDENCE_LEVELS = [
	'praktijkervaring',
	'goed-beschreven',
	'goed-onderbouwd',
	'effectief-eerste',
	'effectief-goede',
	'effectief-sterke'
] as const;

/** Cost for one firm, cheapest first: geen (nothing), laag (under EUR 500), midden (EUR 500 to 2,500), hoog (more). */
export const COST_BANDS = ['geen', 'laag', 'midden', 'hoog'] as const;

/** Firm sizes an entry fits (Leerkompas serves firms up to 249 employees). */
export const SIZE_FITS = ['1-9', '10-49', '50-249'] as const;

/**
 * Public money that can pay for it: SLIM (a) a company scan leading to a development plan, (b) career or
 * development advice, (c) a method for learning during work; a sector's O&O-fonds; the regional Leerwerkloket
 * (free advice); or none needed.
 */
export const FUNDING_ROUTES = ['slim-a', 'slim-b', 'slim-c', 'oo-fonds', 'leerwerkloket', 'geen'] as const;

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const text = (max: number) => z.string().trim().min(1).max(max);
const unique = <T>(items: readonly T[]) => new Set(items).size === items.length;

export const entrySourceSchema = z.union([
	z.object({ title: text(300), url: z.url({ protocol: /^https?$/ }) }).strict(),
	/** One of the founding documents in the project's seeds (its file name). */
	z.object({ title: text(300), seed: z.string().regex(/^\d{3}_[0-9a-f]{16}\.txt$/) }).strict()
]);

export const entryFrontMatterSchema = z
	.object({
		slug: z.string().regex(SLUG_PATTERN).max(80),
		title: text(120),
		/** One sentence in plain Dutch (B1). */
		summary: text(300),
		/** The same sentence in English. */
		summaryEn: text(300),
		kind: z.enum(ENTRY_KINDS),
		aspects: z.array(z.enum(ASPECT_IDS)).min(1).max(3).refine(unique, 'twice'),
		worries: z.array(z.enum(WORRIES)).max(WORRIES.length).refine(unique, 'twice'),
		/** Doelgroep, in a few words: "nieuwe medewerkers", "oudere vakmensen", "eigenaar en team". */
		targetGroup: text(200),
		sizes: z.array(z.enum(SIZE_FITS)).min(1).refine(unique, 'twice'),
		/** 'all', or the sectors it was made for. */
		sectors: z.union([z.literal('all'), z.array(z.enum(SECTORS)).min(1).refine(unique, 'twice')]),
		evidence: z.enum(EVIDENCE_LEVELS),
		cost: z.enum(COST_BANDS),
		/** Time needed, in plain words: "twee uur per maand", "een middag". */
		time: text(200),
		/** Who can help, as roles ("de Leerwerkloket-adviseur", "uw O&O-fonds"), never a firm unless public. */
		helpers: z.array(text(200)).max(8),
		funding: z.array(z.enum(FUNDING_ROUTES)).min(1).refine(unique, 'twice'),
		/** Extra words to find it by, such as the parts of compounds that the Dutch stemmer does not split. */
		keywords: z.array(text(60)).max(20).default([]),
		sources: z.array(entrySourceSchema).min(1)
	})
	.strict();

export const knowledgeEntrySchema = entryFrontMatterSchema.extend({
	/** Markdown, in B1 Dutch. */
	body: z.string().trim().min(1).max(20_000)
});
export type KnowledgeEntry = z.infer<typeof knowledgeEntrySchema>;
