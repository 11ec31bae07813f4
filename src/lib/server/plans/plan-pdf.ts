// The worker's plan as a PDF to print or take to the development conversation. Made on request for the author
// only, from the stored plan; the PDF itself is never stored.
import * as m from '../../paraglide/messages.js';
import type { LearnWay, PlanContent } from '../../domain/plans/plan';
import type { AppLocale } from '../../domain/instrument';
import { formatDay } from '../scan/rounds/format-day';
import { renderPdf, TYPST_DATA_PRELUDE, type RenderedPdf } from '../pdf/typst';

export const PLAN_TEMPLATE = `${TYPST_DATA_PRELUDE}
#set document(title: data.title)
#set page(paper: "a4", margin: (x: 2cm, y: 2cm))
#set text(font: ("DejaVu Sans", "Liberation Sans", "Libertinus Serif"), size: 11pt, lang: data.lang, hyphenate: false)
#set par(leading: 0.65em)
#let brand = rgb("#1f5f5b")
#text(size: 22pt, weight: "bold", fill: brand)[#data.title]
#v(0.1cm)
#text(fill: luma(90))[#data.made #data.private]
#v(0.4cm)
#text(size: 15pt, weight: "bold", fill: brand)[#data.situationTitle]
#block(above: 0.4em)[#data.situation]
#for goal in data.goals [
  #v(0.4cm)
  #block(fill: rgb("#eef5f4"), stroke: (left: 4pt + brand), inset: 10pt, width: 100%, breakable: true)[
    #text(size: 14pt, weight: "bold", fill: brand)[#goal.heading]
    #for row in goal.rows [
      #v(0.15cm)
      #text(weight: "bold")[#row.label]
      #block(above: 0.3em)[#row.text]
    ]
  ]
]
`;

/** The texts the PDF shows; separate from rendering so tests can read them. */
export function planPdfData(plan: PlanContent, offers: ReadonlyArray<{ id: string; label: string; url: string }>, locale: AppLocale, day: string) {
	const o = { locale };
	const dash = '–';
	const way: Record<LearnWay, string> = {
		onTheJob: m.plans_way_onTheJob({}, o),
		colleague: m.plans_way_colleague({}, o),
		course: m.plans_way_course({}, o),
		offer: m.plans_way_offer({}, o),
		onMyOwn: m.plans_way_onMyOwn({}, o)
	};
	return {
		lang: locale,
		title: plan.title,
		made: m.plans_pdf_made({ date: formatDay(day, locale) }, o),
		private: m.plans_pdf_private({}, o),
		situationTitle: m.plans_situation_heading({}, o),
		situation: plan.situation || dash,
		goals: plan.goals.map((g, i) => {
			const offer = offers.find((x) => x.id === g.offerId);
			const how = [g.ways.map((w) => way[w]).join(', '), g.howDetail, offer ? `${offer.label}: ${offer.url}` : ''].filter((s) => s !== '').join('\n');
			return {
				heading: m.plans_goal_heading({ n: i + 1 }, o),
				rows: [
					{ label: m.plans_field_what({}, o), text: g.what },
					{ label: m.plans_field_why({}, o), text: g.why || dash },
					{ label: m.plans_field_ways({}, o), text: how || dash },
					{ label: m.plans_field_support({}, o), text: g.support || dash },
					{ label: m.plans_field_byWhen({}, o), text: g.byWhen ? formatDay(g.byWhen, locale) : dash },
					{ label: m.plans_field_evidence({}, o), text: g.evidence || dash }
				]
			};
		})
	};
}

export function planPdf(plan: PlanContent, offers: ReadonlyArray<{ id: string; label: string; url: string }>, locale: AppLocale, day: string): RenderedPdf {
	return renderPdf({ template: PLAN_TEMPLATE, data: planPdfData(plan, offers, locale, day) });
}
