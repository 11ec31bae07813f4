// The A4 poster for the canteen wall: the QR code, the short link, and the anonymity promise with k, in the
// owner's language; below them one line with the short link in each language a respondent can answer in.
import * as m from '../../../paraglide/messages.js';
import { surveyLocales, textDirection, type AppLocale } from '../../../domain/instrument';
import { qrSvg } from '../../pdf/qr';
import { ARABIC_FONT, renderPdf, TYPST_DATA_PRELUDE, type RenderedPdf } from '../../pdf/typst';
import { formatDay } from './format-day';
import { printedUrl } from './links';

export interface PosterInput {
	firmName: string;
	/** The short link: a small QR code that any phone reads, and an address short enough to type. */
	url: string;
	threshold: number;
	closesOn: string;
	locale: AppLocale;
}

// The QR code takes the height the texts leave (a fractional block), up to 8 cm: large for a short firm name,
// smaller for a long one, and never a second page. It is centred in that room.
const QR_LARGEST = '8cm';

export const POSTER_TEMPLATE = `${TYPST_DATA_PRELUDE}
#set document(title: data.title)
#set page(paper: "a4", margin: (x: 2cm, y: 1.4cm))
#set text(font: ("DejaVu Sans", "Liberation Sans", "Libertinus Serif"), size: 13pt, lang: data.lang, hyphenate: false)
#set par(leading: 0.65em)
#let brand = rgb("#1f5f5b")
#align(center)[
  #text(size: if data.title.len() > 60 { 21pt } else { 26pt }, weight: "bold", fill: brand)[#data.title]
  #v(0.2cm)
  #text(size: 16pt)[#data.intro]
]
#block(height: 1fr, width: 100%, above: 0.3cm, below: 0.3cm, layout(room => block(width: room.width, height: room.height,
  align(center + horizon, image(bytes(data.qr), format: "svg", width: calc.min(room.height, room.width, ${QR_LARGEST}))))))
#align(center)[
  #data.scan
  #v(0.1cm)
  #text(font: ("DejaVu Sans Mono", "Liberation Mono"), weight: "bold", size: if data.url.len() > 40 { 15pt } else { 19pt })[#data.url]
]
#v(0.4cm)
#block(fill: rgb("#eef5f4"), stroke: (left: 4pt + brand), inset: 14pt, width: 100%)[
  #text(weight: "bold", size: 15pt)[#data.anonymousTitle]
  #v(0.1cm)
  #data.anonymousText
]
#v(0.4cm)
#align(center)[#text(weight: "bold")[#data.deadline]]
#v(0.3cm)
#line(length: 100%, stroke: 0.5pt + luma(160))
#for l in data.languages [
  #block(width: 100%, above: 0.4em, below: 0.4em)[
    #set text(size: if l.rtl { 10.5pt } else { 9pt }, lang: l.lang, dir: if l.rtl { rtl } else { ltr },
      font: if l.rtl { ("${ARABIC_FONT}", "DejaVu Sans") } else { ("DejaVu Sans", "Liberation Sans") })
    #set align(start)
    #l.text #box(text(size: 9pt, font: ("DejaVu Sans Mono", "Liberation Mono"), dir: ltr, weight: "bold")[#data.url])
  ]
]
`;

/** The texts and QR code the poster shows; separate from rendering so tests can read them. */
export async function posterData(input: PosterInput) {
	const options = { locale: input.locale };
	return {
		lang: input.locale,
		title: m.scan_poster_title({ firm: input.firmName }, options),
		intro: m.scan_poster_intro({}, options),
		qr: await qrSvg(input.url),
		scan: m.scan_poster_scan({}, options),
		url: printedUrl(input.url),
		anonymousTitle: m.scan_poster_anonymous_title({}, options),
		anonymousText: m.scan_poster_anonymous_text({ firm: input.firmName, k: input.threshold }, options),
		deadline: m.scan_poster_deadline({ date: formatDay(input.closesOn, input.locale) }, options),
		// Each line in its own language and direction, whatever the owner's language: a worker finds theirs.
		languages: surveyLocales.map((locale) => ({ lang: locale, rtl: textDirection(locale) === 'rtl', text: m.survey_poster_line({}, { locale }) }))
	};
}

export async function posterPdf(input: PosterInput): Promise<RenderedPdf> {
	return renderPdf({ template: POSTER_TEMPLATE, data: await posterData(input) });
}
