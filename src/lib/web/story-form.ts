// Between the story form and the use cases: the values the form shows and one plain sentence per field to fix.
import { fail } from '@sveltejs/kit';
import type { StoryFormValues } from '../components/menukaart/story-form';
import type { StoryErrors, StoryField } from '../server/stories/save-story.schema';
import type { StoredStory } from '../server/stories/list-stories';
import * as m from '../paraglide/messages.js';

const errorText: Record<StoryField, () => string> = {
	title: m.menukaart_story_error_title,
	what: m.menukaart_story_error_what,
	result: m.menukaart_story_error_result,
	tip: m.menukaart_story_error_tip,
	aspects: m.menukaart_story_error_aspects,
	costBand: m.menukaart_story_error_cost,
	funding: m.menukaart_story_error_funding,
	time: m.menukaart_story_error_time,
	showFirmName: m.menukaart_story_error_title,
	consent: m.menukaart_story_error_consent
};

export function storyFormValues(story: StoredStory): StoryFormValues {
	return { ...story, aspects: [...story.aspects], funding: [...story.funding], consent: false };
}

export function storyFormFailure(form: FormData, errors: StoryErrors) {
	const text = (key: string) => {
		const v = form.get(key);
		return typeof v === 'string' ? v.slice(0, 3000) : '';
	};
	const list = (key: string) => form.getAll(key).filter((v): v is string => typeof v === 'string').slice(0, 20);
	const story: StoryFormValues = {
		title: text('title'),
		what: text('what'),
		result: text('result'),
		tip: text('tip'),
		aspects: list('aspects'),
		costBand: text('costBand'),
		funding: list('funding'),
		time: text('time'),
		showFirmName: text('showFirmName') === 'on',
		consent: text('consent') === 'on'
	};
	const texts: Record<string, string> = {};
	for (const field of Object.keys(errors) as StoryField[]) texts[field] = errorText[field]();
	return fail(400, { story, errors: texts, message: m.common_form_has_errors() });
}
