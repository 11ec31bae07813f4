// The worker's personal overview: their own answers put in order, strengths first (what went well, what they
// are proud of, what helps them), then what they want to learn and how, then what is in the way. It adds no
// judgement and no score: an appreciative look means the worker's words come back to them, sorted.
import { SELF_SCAN_PARTS, type SelfScanAnswers, type SelfScanLocale, type SelfScanPart, type SelfScanQuestionnaire } from './questionnaire';

export interface OverviewItem {
	questionId: string;
	question: string;
	/** An open answer as one text, or the chosen options as a list. */
	answer: { kind: 'open'; text: string } | { kind: 'choice'; chosen: string[] };
}

export interface OverviewPart {
	part: SelfScanPart;
	items: OverviewItem[];
}

/** The answered questions by part, in the fixed order of SELF_SCAN_PARTS; parts with no answer are left out. */
export function personalOverview(questionnaire: SelfScanQuestionnaire, answers: SelfScanAnswers, locale: SelfScanLocale): OverviewPart[] {
	return SELF_SCAN_PARTS.map((part) => ({
		part,
		items: questionnaire.questions
			.filter((question) => question.part === part)
			.flatMap((question): OverviewItem[] => {
				if (question.kind === 'open') {
					const text = answers.open[question.id];
					return text ? [{ questionId: question.id, question: question.text[locale], answer: { kind: 'open', text } }] : [];
				}
				const chosen = answers.choices[question.id] ?? [];
				const texts = question.options.filter((o) => chosen.includes(o.id)).map((o) => o.text[locale]);
				return texts.length > 0 ? [{ questionId: question.id, question: question.text[locale], answer: { kind: 'choice', chosen: texts } }] : [];
			})
	})).filter((part) => part.items.length > 0);
}
