// The rules for a success story as an owner types it, and for the consent that goes with submitting it.
// Problems come back per field; the route turns each field into a plain sentence.
import { storyTextSchema, type StoryText } from '../../domain/stories/story';

export const STORY_FIELDS = ['title', 'what', 'result', 'tip', 'aspects', 'costBand', 'funding', 'time', 'showFirmName', 'consent'] as const;
export type StoryField = (typeof STORY_FIELDS)[number];
export type StoryErrors = Partial<Record<StoryField, true>>;
export type ParsedStory = { ok: true; data: StoryText } | { ok: false; errors: StoryErrors };

export function storyInputFromForm(form: FormData): unknown {
	const text = (key: string) => {
		const v = form.get(key);
		return typeof v === 'string' ? v : undefined;
	};
	const list = (key: string) => form.getAll(key).filter((v): v is string => typeof v === 'string' && v !== '');
	return {
		title: text('title'),
		what: text('what'),
		result: text('result'),
		tip: text('tip'),
		aspects: list('aspects'),
		costBand: text('costBand'),
		funding: list('funding'),
		time: text('time') ?? '',
		showFirmName: text('showFirmName') === 'on'
	};
}

export function parseStory(input: unknown): ParsedStory {
	const parsed = storyTextSchema.safeParse(input);
	if (parsed.success) return { ok: true, data: parsed.data };
	const errors: StoryErrors = {};
	for (const issue of parsed.error.issues) {
		const field = STORY_FIELDS.find((f) => f === issue.path[0]);
		if (field) errors[field] = true;
	}
	if (Object.keys(errors).length === 0) errors.title = true;
	return { ok: false, errors };
}
