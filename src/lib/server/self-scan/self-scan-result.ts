// What the worker sees after the questions, on the page, in the PDF and under their private link: their
// overview (strengths first) and three suggestions from the knowledge base, each with the choices behind it.
import type { Database } from '../db/client';
import { publishedEntries } from '../knowledge/published-entries';
import { personalOverview, type OverviewPart } from '../../domain/self-scan/overview';
import type { SelfScanAnswers, SelfScanLocale, SelfScanQuestionnaire } from '../../domain/self-scan/questionnaire';
import { suggestEntries } from '../../domain/self-scan/suggestions';

export interface SelfScanResult {
	overview: OverviewPart[];
	suggestions: Array<{ slug: string; title: string; summary: string; time: string; because: string[] }>;
}

export async function selfScanResult(db: Database, questionnaire: SelfScanQuestionnaire, answers: SelfScanAnswers, locale: SelfScanLocale): Promise<SelfScanResult> {
	const optionText = new Map(
		questionnaire.questions.flatMap((q) => (q.kind === 'choice' ? q.options.map((o) => [`${q.id}.${o.id}`, o.text[locale]] as const) : []))
	);
	const suggestions = suggestEntries(questionnaire, answers, await publishedEntries(db));
	return {
		overview: personalOverview(questionnaire, answers, locale),
		suggestions: suggestions.map(({ entry, because }) => ({
			slug: entry.slug,
			title: entry.title,
			summary: locale === 'en' ? entry.summaryEn : entry.summary,
			time: entry.time,
			because: because.map((b) => optionText.get(`${b.questionId}.${b.optionId}`) ?? b.optionId)
		}))
	};
}
