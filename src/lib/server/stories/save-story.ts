// An owner or co-manager writes a story and keeps it as a draft, or submits it for review with consent to
// publish. Submitting without the consent box ticked is refused: nothing is reviewed, let alone shown,
// without it. A submitted or approved story can no longer be changed by the firm.
import { and, eq } from 'drizzle-orm';
import { canEdit, type StoryStatus } from '../../domain/stories/story';
import type { Database } from '../db/client';
import { successStory } from '../db/schema';
import { parseStory, type StoryErrors } from './save-story.schema';

export type SaveStoryResult = { ok: true; id: string; status: StoryStatus } | { ok: false; errors: StoryErrors } | { ok: false; reason: 'not-found' | 'locked' };

export interface SaveStoryInput {
	firmId: string;
	/** Absent for a new story. */
	storyId?: string;
	story: unknown;
	userId: string;
	/** Submit for review (needs consent) instead of keeping it as a draft. */
	submit: boolean;
	consent: boolean;
}

export async function saveStory(db: Database, input: SaveStoryInput): Promise<SaveStoryResult> {
	const parsed = parseStory(input.story);
	if (!parsed.ok) return input.submit && !input.consent ? { ok: false, errors: { ...parsed.errors, consent: true } } : parsed;
	if (input.submit && !input.consent) return { ok: false, errors: { consent: true } };
	const s = parsed.data;
	const now = new Date();
	const values = {
		title: s.title,
		what: s.what,
		result: s.result,
		tip: s.tip,
		aspects: [...s.aspects],
		costBand: s.costBand,
		funding: [...s.funding],
		time: s.time,
		showFirmName: s.showFirmName,
		updatedAt: now,
		...(input.submit ? { status: 'submitted' as const, consentAt: now, consentBy: input.userId } : {})
	};
	return db.transaction(async (tx): Promise<SaveStoryResult> => {
		if (input.storyId === undefined) {
			const [row] = await tx
				.insert(successStory)
				.values({ ...values, firmId: input.firmId, writtenBy: input.userId })
				.returning({ id: successStory.id, status: successStory.status });
			return { ok: true, id: row!.id, status: row!.status };
		}
		const [current] = await tx
			.select({ status: successStory.status })
			.from(successStory)
			.where(and(eq(successStory.id, input.storyId), eq(successStory.firmId, input.firmId)))
			.for('update')
			.limit(1);
		if (!current) return { ok: false, reason: 'not-found' };
		if (!canEdit(current.status)) return { ok: false, reason: 'locked' };
		const [row] = await tx
			.update(successStory)
			.set(values)
			.where(eq(successStory.id, input.storyId))
			.returning({ id: successStory.id, status: successStory.status });
		return { ok: true, id: row!.id, status: row!.status };
	});
}
