// The team's handout: one A4 with the topics in the session's order, the questions to keep talking about
// and the actions agreed on. Its figures are the report's own (the team score per aspect where the report
// shows it); no notes, no names, and nothing at all about employees in the conversation without a report.
import type { Database } from '../db/client';
import { listActions } from '../actions/list-actions';
import { renderPdf, TYPST_DATA_PRELUDE, type RenderedPdf } from '../pdf/typst';
import { formatDay } from '../scan/rounds/format-day';
import { planOf, shownAspect, type SessionSource } from './session-page';
import * as m from '../../paraglide/messages.js';

export const HANDOUT_TEMPLATE = `${TYPST_DATA_PRELUDE}
#set document(title: data.title)
#set page(paper: "a4", margin: (x: 1.6cm, y: 1.4cm), footer: align(center, text(size: 8pt, fill: rgb("#4a5a58"))[#data.footer]))
#set text(font: ("DejaVu Sans", "Liberation Sans", "Libertinus Serif"), size: 10.5pt, lang: data.lang, hyphenate: false)
#set par(leading: 0.55em)
#let brand = rgb("#1f5f5b")
#text(size: 18pt, weight: "bold", fill: brand)[#data.title]
#if data.subtitle != none [ #linebreak() #text(size: 11pt)[#data.subtitle] ]
#v(0.2cm)
#text(size: 12pt, weight: "bold", fill: brand)[#data.topicsTitle]
#let topic(a) = block(breakable: false, below: 0.5cm)[
  #text(weight: "bold", size: 11.5pt)[#a.label]
  #if a.score != none [ #linebreak() #text(fill: brand, weight: "bold")[#a.score] ]
  #if a.figureNote != none [ #linebreak() #text(size: 9pt, style: "italic")[#a.figureNote] ]
  #for q in a.questions [ #linebreak() • #q ]
]
#let half = calc.min(3, data.aspects.len())
#grid(columns: (1fr, 1fr), column-gutter: 0.8cm,
  [ #for a in data.aspects.slice(0, half) { topic(a) } ],
  [
    #for a in data.aspects.slice(half) { topic(a) }
    #if data.questions.len() > 0 {
      block(breakable: false)[
        #text(weight: "bold", size: 11.5pt)[#data.questionsTitle]
        #for q in data.questions [ #linebreak() • #q ]
      ]
    }
  ]
)
#v(0.2cm)
#block(fill: rgb("#eef5f4"), stroke: (left: 4pt + brand), inset: 10pt, width: 100%)[
  #text(size: 12pt, weight: "bold", fill: brand)[#data.actionsTitle]
  #if data.actions.len() == 0 [ #linebreak() #data.noActions ]
  #for (i, a) in data.actions.enumerate() [
    #linebreak() #text(weight: "bold")[#(i + 1). #a.title] #if a.detail != "" [ — #a.detail ]
  ]
]
`;

/** How many questions per topic fit on one page beside five other topics. */
const QUESTIONS_PER_ASPECT = 2;

export async function handoutData(db: Database, source: SessionSource, firmName: string) {
	const o = { locale: source.locale };
	const plan = planOf(source);
	const roundId = source.round?.id ?? null;
	const actions = (await listActions(db, source.firmId)).filter((a) =>
		roundId ? a.roundId === roundId : a.roundId === null && (a.status === 'niet-gestart' || a.status === 'bezig')
	);
	const questions = plan.steps.flatMap((s) => (s.kind === 'questions' || s.kind === 'well' ? s.questions : []));
	return {
		lang: source.locale,
		title: `${m.session_handout_title({}, o)}: ${firmName}`,
		subtitle: source.round ? `${m.session_title({}, o)} · ${source.round.name}` : m.session_conversation_title({}, o),
		topicsTitle: m.session_handout_topics({}, o),
		aspects: plan.steps.flatMap((s) => {
			if (s.kind !== 'aspect') return [];
			const a = shownAspect(s.aspect, source.report, source.locale);
			return [{ label: a.label, score: a.score === null ? null : m.session_handout_score({ score: a.score }, o), figureNote: a.figureNote, questions: a.questions.slice(0, QUESTIONS_PER_ASPECT) }];
		}),
		questionsTitle: m.session_step_questions({}, o),
		questions,
		actionsTitle: m.session_handout_actions({}, o),
		noActions: m.session_actions_none({}, o),
		actions: actions.map((a) => ({
			title: a.title,
			detail: [a.assigneeName ? m.session_who({ name: a.assigneeName }, o) : null, a.dueOn ? m.session_due_on({ date: formatDay(a.dueOn, source.locale) }, o) : null]
				.filter((x) => x !== null)
				.join(' · ')
		})),
		footer: plan.withFigures ? m.session_handout_footer({}, o) : m.session_handout_footer_conversation({}, o)
	};
}

export async function handoutPdf(db: Database, source: SessionSource, firmName: string): Promise<RenderedPdf> {
	return renderPdf({ template: HANDOUT_TEMPLATE, data: await handoutData(db, source, firmName) });
}
