import { describe, expect, it } from 'vitest';
import type { KnowledgeEntry } from '../knowledge/entry';
import { personalOverview } from './overview';
import { answersAsFields, parseSelfScanAnswers, selfScanQuestionnaireSchema, type SelfScanQuestionnaire } from './questionnaire';
import { suggestEntries } from './suggestions';
import { usageBand } from './usage-band';

const questionnaire: SelfScanQuestionnaire = selfScanQuestionnaireSchema.parse({
	version: 'v1',
	questions: [
		{ id: 'inTheWay', kind: 'choice', part: 'obstacles', text: { nl: 'Wat zit in de weg?', en: 'In the way?' }, options: [
			{ id: 'noTime', text: { nl: 'Geen tijd', en: 'No time' }, aspects: ['ruimte'] },
			{ id: 'nobodyToAsk', text: { nl: 'Niemand', en: 'Nobody' }, aspects: ['samen'] }
		] },
		{ id: 'wentWell', kind: 'open', part: 'strengths', text: { nl: 'Wat ging goed?', en: 'What went well?' } },
		{ id: 'helps', kind: 'choice', part: 'strengths', text: { nl: 'Wat helpt?', en: 'What helps?' }, options: [
			{ id: 'colleague', text: { nl: 'Een collega', en: 'A colleague' }, aspects: ['samen'] },
			{ id: 'newWork', text: { nl: 'Nieuw werk', en: 'New work' }, aspects: ['werk'] }
		] },
		{ id: 'wantToLearn', kind: 'open', part: 'wishes', text: { nl: 'Wat wil je leren?', en: 'What to learn?' } }
	]
});

function entry(slug: string, aspects: KnowledgeEntry['aspects'], cost: KnowledgeEntry['cost'] = 'laag', evidence: KnowledgeEntry['evidence'] = 'goed-beschreven'): KnowledgeEntry {
	return {
		slug, title: slug, summary: 's', summaryEn: 's', kind: 'werkvorm', aspects, worries: [], targetGroup: 't', sizes: ['1-9'], sectors: 'all',
		evidence, cost, time: 't', helpers: [], funding: ['geen'], keywords: [], sources: [{ title: 'x', url: 'https://example.org' }], body: 'b'
	};
}

describe('parseSelfScanAnswers', () => {
	it('keeps trimmed open answers and chosen options in the questionnaire order, and leaves empty ones out', () => {
		const parsed = parseSelfScanAnswers(questionnaire, { wentWell: ['  De verbouwing  '], wantToLearn: [''], helps: ['newWork', 'colleague', 'colleague'] });
		expect(parsed).toEqual({ ok: true, answers: { version: 'v1', open: { wentWell: 'De verbouwing' }, choices: { helps: ['colleague', 'newWork'] } } });
	});

	it('refuses an empty page, an option that is not offered and an answer that is too long', () => {
		expect(parseSelfScanAnswers(questionnaire, { wentWell: ['   '] })).toEqual({ ok: false, nothingAnswered: true, problems: {} });
		expect(parseSelfScanAnswers(questionnaire, { helps: ['hack'] })).toEqual({ ok: false, nothingAnswered: false, problems: { helps: 'unknownOption' } });
		expect(parseSelfScanAnswers(questionnaire, { wentWell: ['x'.repeat(2001)] })).toMatchObject({ ok: false, problems: { wentWell: 'tooLong' } });
	});

	it('gives back the same answers from its own fields (the result page posts them again)', () => {
		const first = parseSelfScanAnswers(questionnaire, { wentWell: ['Goed'], helps: ['colleague', 'newWork'], inTheWay: ['noTime'] });
		if (!first.ok) throw new Error('expected answers');
		const posted: Record<string, string[]> = {};
		for (const field of answersAsFields(first.answers)) (posted[field.name] ??= []).push(field.value);
		expect(parseSelfScanAnswers(questionnaire, posted)).toEqual(first);
	});
});

describe('personalOverview', () => {
	it('puts strengths first, then wishes, then what is in the way, whatever the order of the questions', () => {
		const overview = personalOverview(questionnaire, { version: 'v1', open: { wentWell: 'Klant blij', wantToLearn: 'Lassen' }, choices: { inTheWay: ['noTime'], helps: ['colleague'] } }, 'nl');
		expect(overview.map((p) => p.part)).toEqual(['strengths', 'wishes', 'obstacles']);
		expect(overview[0]!.items).toEqual([
			{ questionId: 'wentWell', question: 'Wat ging goed?', answer: { kind: 'open', text: 'Klant blij' } },
			{ questionId: 'helps', question: 'Wat helpt?', answer: { kind: 'choice', chosen: ['Een collega'] } }
		]);
	});

	it('leaves out a part with no answers and speaks English when asked', () => {
		const overview = personalOverview(questionnaire, { version: 'v1', open: { wantToLearn: 'Welding' }, choices: {} }, 'en');
		expect(overview).toEqual([{ part: 'wishes', items: [{ questionId: 'wantToLearn', question: 'What to learn?', answer: { kind: 'open', text: 'Welding' } }] }]);
	});
});

describe('suggestEntries', () => {
	const entries = [entry('a-werk', ['werk']), entry('b-samen', ['samen']), entry('c-ruimte', ['ruimte']), entry('d-buiten', ['buitenwereld'])];

	it('ranks entries by the chosen options that share an aspect, with what is in the way counting double', () => {
		// helps: colleague (samen, 1) and newWork (werk, 1); inTheWay: noTime (ruimte, 2).
		const suggestions = suggestEntries(questionnaire, { version: 'v1', open: {}, choices: { helps: ['colleague', 'newWork'], inTheWay: ['noTime'] } }, entries);
		expect(suggestions.map((s) => [s.entry.slug, s.score])).toEqual([['c-ruimte', 2], ['a-werk', 1], ['b-samen', 1]]);
		expect(suggestions[0]!.because).toEqual([{ questionId: 'inTheWay', optionId: 'noTime' }]);
	});

	it('adds up every chosen option an entry fits', () => {
		const both = entry('e-samen-ruimte', ['samen', 'ruimte']);
		const [first] = suggestEntries(questionnaire, { version: 'v1', open: {}, choices: { helps: ['colleague'], inTheWay: ['noTime', 'nobodyToAsk'] } }, [...entries, both]);
		expect(first!.entry.slug).toBe('e-samen-ruimte');
		expect(first!.score).toBe(1 + 2 + 2);
	});

	it('breaks ties by lower cost, then stronger evidence, then slug, and still gives three without choices', () => {
		const tied = [entry('z', ['werk'], 'hoog'), entry('y', ['werk'], 'laag', 'praktijkervaring'), entry('x', ['werk'], 'laag', 'effectief-sterke'), entry('w', ['werk'], 'geen')];
		const suggestions = suggestEntries(questionnaire, { version: 'v1', open: { wentWell: 'ja' }, choices: {} }, tied);
		expect(suggestions.map((s) => s.entry.slug)).toEqual(['w', 'x', 'y']);
	});

	it('gives fewer than three when the knowledge base holds fewer', () => {
		expect(suggestEntries(questionnaire, { version: 'v1', open: {}, choices: {} }, entries.slice(0, 2))).toHaveLength(2);
	});
});

describe('usageBand', () => {
	it('says none, fewer than k, or the band of k the count falls in', () => {
		expect(usageBand(0, 5)).toEqual({ kind: 'none' });
		expect(usageBand(1, 5)).toEqual({ kind: 'fewerThan', k: 5 });
		expect(usageBand(4, 5)).toEqual({ kind: 'fewerThan', k: 5 });
		expect(usageBand(5, 5)).toEqual({ kind: 'between', low: 5, high: 9 });
		expect(usageBand(9, 5)).toEqual({ kind: 'between', low: 5, high: 9 });
		expect(usageBand(10, 5)).toEqual({ kind: 'between', low: 10, high: 14 });
		expect(usageBand(7, 3)).toEqual({ kind: 'between', low: 6, high: 8 });
	});
});
