// A new plan started from the self-scan's answers (issue 13: "it can start from the self-scan"). The worker's
// own words go where a POP puts them: what went well and what they are proud of into "where I stand", what
// they want to learn into the first goal, how they like to learn into its ways, and what helps and what is in
// the way into the support they need. Nothing is stored here: this only fills the form.
import type { SelfScanAnswers, SelfScanLocale, SelfScanQuestionnaire } from '../self-scan/questionnaire';
import { emptyGoal, TEXT_MAX, TITLE_MAX, type LearnWay, type PlanContent } from './plan';

/** The self-scan's "how do you like to learn" options that are a way of learning in the plan. */
const WAY_OF_OPTION: Record<string, LearnWay> = { onTheJob: 'onTheJob', fromColleague: 'colleague', course: 'course', onMyOwn: 'onMyOwn' };

export interface SelfScanLabels {
	title: string;
	/** "What helps me: {list}" */
	helps: (list: string) => string;
	/** "What is in the way: {list}" */
	inTheWay: (list: string) => string;
}

export function planFromSelfScan(questionnaire: SelfScanQuestionnaire, answers: SelfScanAnswers, locale: SelfScanLocale, labels: SelfScanLabels): PlanContent {
	const chosenLabels = (questionId: string, only?: (optionId: string) => boolean) => {
		const question = questionnaire.questions.find((q) => q.id === questionId);
		if (!question || question.kind !== 'choice') return [];
		const chosen = answers.choices[questionId] ?? [];
		return question.options.filter((o) => chosen.includes(o.id) && (!only || only(o.id))).map((o) => o.text[locale]);
	};
	const join = (parts: Array<string | undefined>) =>
		parts
			.filter((p): p is string => !!p && p.trim() !== '')
			.join('\n\n')
			.slice(0, TEXT_MAX);

	const helps = chosenLabels('helps');
	const inTheWay = chosenLabels('inTheWay');
	const goal = emptyGoal();
	goal.what = (answers.open.wantToLearn ?? '').slice(0, TEXT_MAX);
	goal.ways = (answers.choices.learnWays ?? []).flatMap((o) => (WAY_OF_OPTION[o] ? [WAY_OF_OPTION[o]] : []));
	goal.howDetail = join([chosenLabels('learnWays', (o) => !WAY_OF_OPTION[o]).join(', ')]);
	goal.support = join([
		helps.length > 0 ? labels.helps(helps.join(', ')) : undefined,
		inTheWay.length > 0 ? labels.inTheWay(inTheWay.join(', ')) : undefined,
		answers.open.inTheWayMore
	]);
	return {
		title: labels.title.slice(0, TITLE_MAX),
		situation: join([answers.open.wentWell, answers.open.proudOf]),
		goals: [goal]
	};
}
