// The A4 sheets of cut-out cards: ten per page, each with its own QR code (to /k/CODE) and the code in
// print for people who type it. The sheet holds codes only; who gets which card is up to chance.
import * as m from '../../../paraglide/messages.js';
import type { Locale } from '../../../paraglide/runtime.js';
import { qrSvg } from '../../pdf/qr';
import { renderPdf, TYPST_DATA_PRELUDE, type RenderedPdf } from '../../pdf/typst';
import { formatCode } from '../rounds/codes';
import { cardEntryUrl, cardUrl, printedUrl } from '../rounds/links';

export interface CardSheetInput {
	firmName: string;
	roundName: string;
	origin: string;
	codes: readonly string[];
	locale: Locale;
}

export const CARDS_PER_PAGE = 10;

// Two columns of five cards of 95 x 55 mm fill an A4 page inside 1 cm margins; dashed lines show where to cut.
export const CARD_SHEET_TEMPLATE = `${TYPST_DATA_PRELUDE}
#set document(title: data.title)
#set page(paper: "a4", margin: 1cm)
#set text(font: ("DejaVu Sans", "Liberation Sans", "Libertinus Serif"), size: 9pt, lang: data.lang, hyphenate: false)
#set par(leading: 0.5em)
#let card(c) = block(width: 100%, height: 55mm, inset: 4mm, breakable: false,
  stroke: (paint: luma(140), thickness: 0.5pt, dash: "dashed"))[
  #grid(columns: (31mm, 1fr), column-gutter: 4mm,
    image(bytes(c.qr), format: "svg", width: 31mm),
    [
      #text(size: 11pt, weight: "bold", fill: rgb("#1f5f5b"))[#data.heading]
      #v(1.5mm)
      #data.instruction
      #v(1mm)
      #text(font: ("DejaVu Sans Mono", "Liberation Mono"), size: 14pt, weight: "bold")[#c.code]
    ])
  #place(bottom + left)[#text(size: 8pt)[#data.promise]]
]
#if data.cards.len() == 0 [#data.title] else [
  #grid(columns: (1fr, 1fr), ..data.cards.map(card))
]
`;

export async function cardSheetData(input: CardSheetInput) {
	const options = { locale: input.locale };
	const cards = await Promise.all(input.codes.map(async (code) => ({ code: formatCode(code), qr: await qrSvg(cardUrl(input.origin, code)) })));
	return {
		lang: input.locale,
		title: m.scan_cards_pdf_title({ round: input.roundName }, options),
		heading: m.scan_card_heading({ firm: input.firmName }, options),
		instruction: m.scan_card_instruction({ url: printedUrl(cardEntryUrl(input.origin)) }, options),
		promise: m.scan_card_promise({}, options),
		cards
	};
}

export async function cardSheetPdf(input: CardSheetInput): Promise<RenderedPdf> {
	return renderPdf({ template: CARD_SHEET_TEMPLATE, data: await cardSheetData(input) });
}
