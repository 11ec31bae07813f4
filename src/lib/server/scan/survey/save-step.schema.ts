// The parts of a screen's post that are not answers: which button was pressed.
import { z } from 'zod';
import { LANGUAGE_FIELD } from '../../../survey-form';

export const navigationSchema = z.enum(['next', 'back', 'summary']).catch('next');
export type Navigation = z.infer<typeof navigationSchema>;

/** Fields on a survey screen that steer the page rather than answer a question. */
export const STEP_CONTROL_FIELDS = ['go', LANGUAGE_FIELD] as const;

export function readNavigation(form: FormData): Navigation {
	return navigationSchema.parse(form.get('go'));
}
