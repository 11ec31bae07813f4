// A success story: an owner tells what the firm did and what it brought, so other owners can learn from
// it. It becomes public only with the owner's consent and a coordinator's approval, and then as a
// knowledge-base entry of kind 'praktijkvoorbeeld'. It names no employee; the firm only when the owner chooses.
import { z } from 'zod';
import { SECTORS } from '../firm/attributes';
import { ASPECT_IDS, COST_BANDS, FUNDING_ROUTES, SIZE_FITS, knowledgeEntrySchema, type KnowledgeEntry } from '../knowledge/entry';

/** draft → submitted → approved, or submitted → returned (sent back with a note) → submitted again. */
export const STORY_STATUSES = ['draft', 'submitted', 'returned', 'approved'] as const;
export type StoryStatus = (typeof STORY_STATUSES)[number];

export const storyTextSchema = z.object({
	title: z.string().trim().min(3).max(120),
	what: z.string().trim().min(20).max(3000),
	result: z.string().trim().min(20).max(3000),
	tip: z.string().trim().min(5).max(1000),
	aspects: z.array(z.enum(ASPECT_IDS)).min(1).max(3),
	costBand: z.enum(COST_BANDS),
	funding: z.array(z.enum(FUNDING_ROUTES)).min(1),
	/** How much time it took, in the owner's words; may stay empty. */
	time: z.string().trim().max(200),
	/** Whether the firm's name may appear with the story once it is public. */
	showFirmName: z.boolean()
});
export type StoryText = z.infer<typeof storyTextSchema>;

/** Only a draft or a returned story can be changed; a submitted one waits for review, an approved one is public. */
export const canEdit = (status: StoryStatus): boolean => status === 'draft' || status === 'returned';
export const canReview = (status: StoryStatus): boolean => status === 'submitted';

/** A slug from a title: lower case, no accents, words joined by hyphens, at most 60 characters. */
export function slugFromTitle(title: string): string {
	const plain = title
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
	return plain.slice(0, 60).replace(/-+$/g, '') || 'verhaal';
}

/** The firm's size class as a size the knowledge base knows (it serves firms up to 249 employees). */
function sizeFit(sizeClass: string): (typeof SIZE_FITS)[number] {
	return (SIZE_FITS as readonly string[]).includes(sizeClass) ? (sizeClass as (typeof SIZE_FITS)[number]) : sizeClass === '250+' ? '50-249' : '10-49';
}

/** The owner's words as Markdown text: they cannot open raw HTML or turn a line into a heading. */
function markdownText(text: string): string {
	return text
		.replace(/\r\n?/g, '\n')
		.replace(/[<>&]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c]!)
		.replace(/^(\s*)([#>=-]|\d+\.)/gm, '$1\\$2')
		.trim();
}

export interface StoryEntryInput {
	story: StoryText;
	firm: { name: string; sector: string; sizeClass: string };
	/** Free slug for the entry (the caller makes it unique). */
	slug: string;
	/** Where the entry will be read (the instance's knowledge-base page for the slug): its one source. */
	url: string;
	/** The day of approval, YYYY-MM-DD. */
	approvedOn: string;
}

/**
 * An approved story as a knowledge-base entry. Everything in it comes from the story the owner consented to;
 * the evidence level is 'praktijkervaring' (one firm's experience), the target group the owner and team.
 */
export function storyToEntry(input: StoryEntryInput): KnowledgeEntry {
	const { story, firm } = input;
	const sector = (SECTORS as readonly string[]).includes(firm.sector) && firm.sector !== 'overig' ? [firm.sector as (typeof SECTORS)[number]] : 'all';
	const teller = story.showFirmName ? `Verteld door ${firm.name}.` : 'Verteld door een ondernemer die Leerkompas gebruikt.';
	const summary = `Een ondernemer vertelt wat het bedrijf deed en wat het opleverde: ${story.title}.`;
	const body = [
		'## Wat deden we?',
		markdownText(story.what),
		'## Wat leverde het op?',
		markdownText(story.result),
		'## Tip van de ondernemer',
		markdownText(story.tip),
		`*${markdownText(teller)}*`
	].join('\n\n');
	return knowledgeEntrySchema.parse({
		slug: input.slug,
		title: story.title,
		summary: summary.length <= 300 ? summary : `${summary.slice(0, 296)}….`,
		summaryEn: 'An owner tells, in Dutch, what the firm did and what it brought.',
		kind: 'praktijkvoorbeeld',
		aspects: [...new Set(story.aspects)],
		worries: [],
		targetGroup: 'eigenaar en team',
		sizes: [sizeFit(firm.sizeClass)],
		sectors: sector,
		evidence: 'praktijkervaring',
		cost: story.costBand,
		time: story.time || 'niet genoemd',
		helpers: [],
		funding: [...new Set(story.funding)],
		keywords: ['praktijkverhaal', 'succesverhaal'],
		sources: [{ title: `Verhaal van de ondernemer, goedgekeurd op ${input.approvedOn}`, url: input.url }],
		body
	});
}
