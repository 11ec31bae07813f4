// Three suggestions from the knowledge base for a worker's self-scan, by a score anyone can follow:
// every option the worker chose points to one or more aspects of learning culture (content/self-scan/), and an
// entry scores one point for each chosen option that shares an aspect with it. How someone likes to learn and
// what is in the way count double: a suggestion should fit the way they learn and take away what blocks them.
// Ties go to the cheaper entry, then the stronger evidence, then the slug, so the same answers always give the
// same three. Each suggestion carries the choices that led to it, so the page can say why.
import { COST_BANDS, EVIDENCE_LEVELS, type KnowledgeEntry } from '../knowledge/entry';
import type { SelfScanAnswers, SelfScanQuestionnaire } from './questionnaire';

export const SUGGESTION_COUNT = 3;

/** Choices in these questions weigh twice as much as the others. */
const DOUBLE_WEIGHT = new Set(['learnWays', 'inTheWay']);

export interface SelfScanSuggestion {
	entry: KnowledgeEntry;
	score: number;
	/** The chosen options (question id and option id) that share an aspect with the entry. */
	because: Array<{ questionId: string; optionId: string }>;
}

export function suggestEntries(
	questionnaire: SelfScanQuestionnaire,
	answers: SelfScanAnswers,
	entries: readonly KnowledgeEntry[],
	count = SUGGESTION_COUNT
): SelfScanSuggestion[] {
	const chosen = questionnaire.questions.flatMap((question) =>
		question.kind === 'choice'
			? question.options
					.filter((option) => (answers.choices[question.id] ?? []).includes(option.id))
					.map((option) => ({ questionId: question.id, optionId: option.id, aspects: option.aspects, weight: DOUBLE_WEIGHT.has(question.id) ? 2 : 1 }))
			: []
	);
	return entries
		.map((entry) => {
			const because = chosen.filter((choice) => choice.aspects.some((aspect) => entry.aspects.includes(aspect)));
			return {
				entry,
				score: because.reduce((sum, choice) => sum + choice.weight, 0),
				because: because.map(({ questionId, optionId }) => ({ questionId, optionId }))
			};
		})
		.sort(
			(a, b) =>
				b.score - a.score ||
				COST_BANDS.indexOf(a.entry.cost) - COST_BANDS.indexOf(b.entry.cost) ||
				EVIDENCE_LEVELS.indexOf(b.entry.evidence) - EVIDENCE_LEVELS.indexOf(a.entry.evidence) ||
				a.entry.slug.localeCompare(b.entry.slug)
		)
		.slice(0, count);
}
