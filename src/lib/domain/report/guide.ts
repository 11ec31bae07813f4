import { z } from 'zod';
import guideSource from '../../../../content/instrument/guide.json';

const localizedText = z.strictObject({ nl: z.string().min(1), en: z.string().min(1) });

const aspectGuideSchema = z.strictObject({
	/** How to keep a strength. */
	keep: z.array(localizedText).min(1),
	/** Open questions for an aspect to grow (two or three are shown). */
	questions: z.array(localizedText).min(2),
	/** First small steps a small firm can take. */
	steps: z.array(localizedText).min(1)
});

export const discussionGuideSchema = z.strictObject({
	starters: z.array(localizedText).length(3),
	aspects: z.record(z.string(), aspectGuideSchema)
});

export type DiscussionGuideContent = z.infer<typeof discussionGuideSchema>;

let parsed: DiscussionGuideContent | undefined;

/** The guide texts in content/, parsed once; imported statically so the CLI needs no file access. */
export function loadDiscussionGuide(): DiscussionGuideContent {
	parsed ??= discussionGuideSchema.parse(guideSource);
	return parsed;
}
