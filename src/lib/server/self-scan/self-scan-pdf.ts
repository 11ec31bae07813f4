// The worker's self-scan as a PDF to keep: their overview, strengths first, and the suggestions. Made on
// request from the answers in that request (or under the private link); the PDF is never stored.
import * as m from '../../paraglide/messages.js';
import { formatDay } from '../scan/rounds/format-day';
import { renderPdf, TYPST_DATA_PRELUDE, type RenderedPdf } from '../pdf/typst';
import type { SelfScanLocale } from '../../domain/self-scan/questionnaire';
import type { SelfScanResult } from './self-scan-result';

export const SELF_SCAN_TEMPLATE = `${TYPST_DATA_PRELUDE}
#set document(title: data.title)
#set page(paper: "a4", margin: (x: 2cm, y: 2cm))
#set text(font: ("DejaVu Sans", "Liberation Sans", "Libertinus Serif"), size: 11pt, lang: data.lang, hyphenate: false)
#set par(leading: 0.65em)
#let brand = rgb("#1f5f5b")
#text(size: 22pt, weight: "bold", fill: brand)[#data.title]
#v(0.1cm)
#text(fill: luma(90))[#data.made #data.private]
#for part in data.parts [
  #v(0.4cm)
  #text(size: 15pt, weight: "bold", fill: brand)[#part.title]
  #for item in part.items [
    #v(0.15cm)
    #text(weight: "bold")[#item.question]
    #if item.text != none [
      #block(above: 0.3em)[#item.text]
    ] else [
      #list(..item.chosen.map(c => [#c]))
    ]
  ]
]
#if data.suggestions.len() > 0 [
  #v(0.4cm)
  #text(size: 15pt, weight: "bold", fill: brand)[#data.suggestionsTitle]
  #for s in data.suggestions [
    #v(0.15cm)
    #block(fill: rgb("#eef5f4"), stroke: (left: 4pt + brand), inset: 10pt, width: 100%)[
      #text(weight: "bold")[#s.title]
      #linebreak()
      #s.summary
      #if s.because != none [
        #linebreak()
        #text(size: 9.5pt, fill: luma(70))[#s.because]
      ]
    ]
  ]
]
`;

/** The texts the PDF shows; separate from rendering so tests can read them. */
export function selfScanPdfData(result: SelfScanResult, locale: SelfScanLocale, day: string) {
	const options = { locale };
	const partTitle = { strengths: m.selfscan_part_strengths, wishes: m.selfscan_part_wishes, obstacles: m.selfscan_part_obstacles };
	return {
		lang: locale,
		title: m.selfscan_pdf_title({}, options),
		made: m.selfscan_pdf_made({ date: formatDay(day, locale) }, options),
		private: m.selfscan_pdf_private({}, options),
		parts: result.overview.map((part) => ({
			title: partTitle[part.part]({}, options),
			items: part.items.map((item) => ({
				question: item.question,
				text: item.answer.kind === 'open' ? item.answer.text : null,
				chosen: item.answer.kind === 'choice' ? item.answer.chosen : []
			}))
		})),
		suggestionsTitle: m.selfscan_suggestions_title({}, options),
		suggestions: result.suggestions.map((s) => ({
			title: s.title,
			summary: s.summary,
			because: s.because.length > 0 ? m.selfscan_suggestion_because({ choices: s.because.join(', ') }, options) : null
		}))
	};
}

export function selfScanPdf(result: SelfScanResult, locale: SelfScanLocale, day: string): RenderedPdf {
	return renderPdf({ template: SELF_SCAN_TEMPLATE, data: selfScanPdfData(result, locale, day) });
}
