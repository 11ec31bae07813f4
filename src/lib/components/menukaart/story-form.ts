// What the story form shows: a stored story, or what was posted when it had to come back with errors.
export interface StoryFormValues {
	title: string;
	what: string;
	result: string;
	tip: string;
	aspects: string[];
	costBand: string;
	funding: string[];
	time: string;
	showFirmName: boolean;
	consent: boolean;
}

export const emptyStory: StoryFormValues = { title: '', what: '', result: '', tip: '', aspects: [], costBand: '', funding: [], time: '', showFirmName: false, consent: false };
