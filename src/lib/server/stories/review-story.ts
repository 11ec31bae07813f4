// A coordinator approves a submitted story, which then becomes a published 'praktijkvoorbeeld' knowledge-base entry,
// or sends it back to the firm with a note on what to change. Only a story submitted with consent can be
// reviewed; anything else is refused as not found.
import { and, eq, isNotNull } from 'drizzle-orm';
import { storyToEntry, slugFromTitle, type StoryText } from '../../domain/stories/story';
import type { Database } from '../db/client';
import { firm, successStory } from '../db/schema';
import { saveStoryAsEntry } from '../knowledge/story-entries';

export type ReviewResult = { ok: true; entrySlug: string | null } | { ok: false; reason: 'not-found' | 'note-missing' };

export interface ReviewInput {
	storyId: string;
	userId: string;
	decision: 'approve' | 'return';
	/** Required when sending back: what the owner should change. */
	note: string;
	/** The instance's address, for the entry's source link. */
	origin: string;
	today: string;
}

export async function reviewStory(db: Database, input: ReviewInput): Promise<ReviewResult> {
	if (!/^[0-9a-f-]{36}$/i.test(input.storyId)) return { ok: false, reason: 'not-found' };
	const note = input.note.trim().slice(0, 1000);
	if (input.decision === 'return' && note === '') return { ok: false, reason: 'note-missing' };
	return db.transaction(async (tx): Promise<ReviewResult> => {
		const [found] = await tx
			.select({ story: successStory, firmName: firm.name, sector: firm.sector, sizeClass: firm.sizeClass })
			.from(successStory)
			.innerJoin(firm, eq(firm.id, successStory.firmId))
			.where(and(eq(successStory.id, input.storyId), eq(successStory.status, 'submitted'), isNotNull(successStory.consentAt)))
			.for('update', { of: successStory })
			.limit(1);
		if (!found) return { ok: false, reason: 'not-found' };
		const reviewed = { reviewedBy: input.userId, reviewedAt: new Date(), updatedAt: new Date() };
		if (input.decision === 'return') {
			await tx.update(successStory).set({ ...reviewed, status: 'returned', reviewNote: note }).where(eq(successStory.id, input.storyId));
			return { ok: true, entrySlug: null };
		}
		const s = found.story;
		const story: StoryText = {
			title: s.title,
			what: s.what,
			result: s.result,
			tip: s.tip,
			aspects: s.aspects as StoryText['aspects'],
			costBand: s.costBand as StoryText['costBand'],
			funding: s.funding as StoryText['funding'],
			time: s.time,
			showFirmName: s.showFirmName
		};
		const base = `praktijk-${slugFromTitle(s.title)}`.slice(0, 70);
		const entry = storyToEntry({
			story,
			firm: { name: found.firmName, sector: found.sector, sizeClass: found.sizeClass },
			slug: base,
			url: `${input.origin}/knowledge/${base}`,
			approvedOn: input.today
		});
		const slug = await saveStoryAsEntry(tx as unknown as Database, entry, input.userId);
		if (slug === null) throw new Error('No free slug for the story entry.');
		await tx.update(successStory).set({ ...reviewed, status: 'approved', reviewNote: null, entrySlug: slug }).where(eq(successStory.id, input.storyId));
		return { ok: true, entrySlug: slug };
	});
}
