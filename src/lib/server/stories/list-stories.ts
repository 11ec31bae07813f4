// Stories as the firm sees its own, and as a coordinator sees those waiting for review.
import { and, desc, eq } from 'drizzle-orm';
import type { StoryStatus, StoryText } from '../../domain/stories/story';
import type { Database } from '../db/client';
import { firm, successStory } from '../db/schema';

export type StoredStory = StoryText & {
	id: string;
	firmId: string;
	status: StoryStatus;
	reviewNote: string | null;
	entrySlug: string | null;
	consented: boolean;
};

function storyOfRow(row: typeof successStory.$inferSelect): StoredStory {
	return {
		id: row.id,
		firmId: row.firmId,
		title: row.title,
		what: row.what,
		result: row.result,
		tip: row.tip,
		aspects: row.aspects as StoryText['aspects'],
		costBand: row.costBand as StoryText['costBand'],
		funding: row.funding as StoryText['funding'],
		time: row.time,
		showFirmName: row.showFirmName,
		status: row.status,
		reviewNote: row.reviewNote,
		entrySlug: row.entrySlug,
		consented: row.consentAt !== null
	};
}

const isUuid = (id: string) => /^[0-9a-f-]{36}$/i.test(id);

export async function storiesOfFirm(db: Database, firmId: string): Promise<StoredStory[]> {
	const rows = await db.select().from(successStory).where(eq(successStory.firmId, firmId)).orderBy(desc(successStory.updatedAt));
	return rows.map(storyOfRow);
}

/** One story of this firm; null for a story of another firm, as if it did not exist. */
export async function storyOfFirm(db: Database, firmId: string, storyId: string): Promise<StoredStory | null> {
	if (!isUuid(storyId)) return null;
	const [row] = await db.select().from(successStory).where(and(eq(successStory.id, storyId), eq(successStory.firmId, firmId))).limit(1);
	return row ? storyOfRow(row) : null;
}

export type StoryForReview = StoredStory & { firm: { name: string; sector: string; sizeClass: string } };

/**
 * What a coordinator may read: stories submitted with consent (and those they approved). Drafts and stories
 * sent back stay with the firm; a coordinator never sees what the owner has not submitted.
 */
export async function storiesForReview(db: Database): Promise<StoryForReview[]> {
	const rows = await db
		.select({ story: successStory, firmName: firm.name, sector: firm.sector, sizeClass: firm.sizeClass })
		.from(successStory)
		.innerJoin(firm, eq(firm.id, successStory.firmId))
		.where(eq(successStory.status, 'submitted'))
		.orderBy(desc(successStory.updatedAt));
	return rows.filter((r) => r.story.consentAt !== null).map((r) => ({ ...storyOfRow(r.story), firm: { name: r.firmName, sector: r.sector, sizeClass: r.sizeClass } }));
}

export async function storyForReview(db: Database, storyId: string): Promise<StoryForReview | null> {
	if (!isUuid(storyId)) return null;
	return (await storiesForReview(db)).find((s) => s.id === storyId) ?? null;
}
