// The A4 sheets of cut-out cards: ten per page, each with its own QR code (to /k/CODE) and the code in
// print for people who type it, and one line in each language a respondent can answer in. The sheet holds codes
// only; who gets which card is up to chance.
import * as m from '../../../paraglide/messages.js';
import { surveyLocales, textDirection, type AppLocale } from '../../../domain/instrument';
import { qrSvg } from '../../pdf/qr';
import { ARABIC_FONT, renderPdf, TYPST_DATA_PRELUDE, type RenderedPdf } from '../../pdf/typst';
import { formatCode } from '../rounds/codes';
import { cardEntryUrl, cardUrl, printedUrl } from '../rounds/links';

export interface CardSheetInput {
	firmName: string;
	roundName: string;
	origin: string;
	codes: readonly string[];
	locale: AppLocale;
}

export const CARDS_PER_PAGE = 10;
const LONG_FIRM_NAME = 30;

// Two columns of five cards of 95 x 55 mm fill an A4 page inside 1 cm margins; dashed lines show where to cut.
// The promise and the six language lines are the last rows of each card's grid, in the flow, so a long firm name
// pushes them down instead of printing the code on top of them; the address is a box, which Typst never breaks
// across lines. The promise is 7 pt so it keeps to one line and leaves room for the language lines. Arabic is set a
// size up (Naskh letters are small for their size) and every line gets the same fixed line box, so the Arabic
// line stands on the same baseline as the two beside it.
export const CARD_SHEET_TEMPLATE = `${TYPST_DATA_PRELUDE}
#set document(title: data.title)
#set page(paper: "a4", margin: 1cm)
#set text(font: ("DejaVu Sans", "Liberation Sans", "Libertinus Serif"), size: 8.5pt, lang: data.lang, hyphenate: false)
#set par(leading: 0.45em)
#let languages = grid(columns: (auto, auto, auto), column-gutter: 3mm, row-gutter: 0.9mm,
  ..data.languages.map(l => text(size: if l.rtl { 7.5pt } else { 6.5pt }, lang: l.lang, dir: if l.rtl { rtl } else { ltr },
    top-edge: 5pt, bottom-edge: -1.5pt,
    font: if l.rtl { ("${ARABIC_FONT}", "DejaVu Sans") } else { ("DejaVu Sans", "Liberation Sans") })[#l.text]))
#let card(c) = block(width: 100%, height: 55mm, inset: (x: 4mm, y: 3mm), breakable: false,
  stroke: (paint: luma(140), thickness: 0.5pt, dash: "dashed"))[
  #grid(columns: (29mm, 1fr), rows: (1fr, auto, auto), column-gutter: 4mm, row-gutter: 1.5mm,
    image(bytes(c.qr), format: "svg", width: 29mm),
    [
      #text(size: data.headingSize * 1pt, weight: "bold", fill: rgb("#1f5f5b"))[#data.heading]
      #v(1mm)
      #data.instruction.before#box[#data.instruction.url]#data.instruction.after
      #block(above: 2.2mm, text(font: ("DejaVu Sans Mono", "Liberation Mono"), size: 13pt, weight: "bold")[#c.code])
    ],
    grid.cell(colspan: 2)[#text(size: 7pt)[#data.promise]],
    grid.cell(colspan: 2, languages))
]
#if data.cards.len() == 0 [#data.title] else [
  #grid(columns: (1fr, 1fr), ..data.cards.map(card))
]
`;

// Stands in for the address while the sentence is made, so the template can print the address as one box.
const URL_MARK = '\u0000';

/** The instruction around its address: the sentence's word order differs per language. */
function instructionParts(url: string, locale: AppLocale) {
	const [before = '', after = ''] = m.scan_card_instruction({ url: URL_MARK }, { locale }).split(URL_MARK);
	return { before, url, after };
}

export async function cardSheetData(input: CardSheetInput) {
	const options = { locale: input.locale };
	const cards = await Promise.all(input.codes.map(async (code) => ({ code: formatCode(code), qr: await qrSvg(cardUrl(input.origin, code)) })));
	return {
		lang: input.locale,
		title: m.scan_cards_pdf_title({ round: input.roundName }, options),
		heading: m.scan_card_heading({ firm: input.firmName }, options),
		// A long firm name (up to 100 characters) takes five lines at 10 pt; smaller, it leaves room for the code.
		headingSize: input.firmName.length > LONG_FIRM_NAME ? 8.5 : 10,
		instruction: instructionParts(printedUrl(cardEntryUrl(input.origin)), input.locale),
		promise: m.scan_card_promise({}, options),
		// Each phrase in its own language and direction, whatever the owner's language: the /k page offers all six.
		languages: surveyLocales.map((locale) => ({ lang: locale, rtl: textDirection(locale) === 'rtl', text: m.survey_card_language_line({}, { locale }) })),
		cards
	};
}

export async function cardSheetPdf(input: CardSheetInput): Promise<RenderedPdf> {
	return renderPdf({ template: CARD_SHEET_TEMPLATE, data: await cardSheetData(input) });
}
