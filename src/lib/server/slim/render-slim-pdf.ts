// The SLIM draft as a PDF through Typst, like the report. Every text arrives as data, so what a firm typed
// (an action's title, its why) prints as plain text and can never run as Typst markup.
import { renderPdf, TYPST_DATA_PRELUDE, type RenderedPdf } from '../pdf/typst';
import type { SlimDocument } from './slim-document';

export const slimTemplate = `${TYPST_DATA_PRELUDE}
#let ink = rgb("#1d2b2a")
#let muted = rgb("#4a5a58")
#let brand = rgb("#1f5f5b")
#let line-colour = rgb("#c9d3d1")
#set document(title: data.title)
#set page(
  paper: "a4",
  margin: (x: 2cm, top: 2cm, bottom: 2.2cm),
  header: context { set text(size: 8pt, fill: rgb("#a35c00")); strong(data.notice.at(0)) },
  footer: context { set text(size: 8pt, fill: muted); data.footer; h(1fr); counter(page).display() },
)
#set text(lang: "nl", size: 10pt, fill: ink, font: ("Liberation Sans", "DejaVu Sans", "Libertinus Serif"), hyphenate: false)
#set par(justify: false, leading: 0.6em, spacing: 0.9em)
#show heading.where(level: 1): set text(size: 17pt)
#show heading.where(level: 2): it => block(above: 1.3em, below: 0.7em, text(size: 13pt, fill: brand, it.body))

#heading(level: 1, data.title)
#block(width: 100%, inset: 8pt, radius: 3pt, fill: rgb("#fff6e0"), stroke: (left: 3pt + rgb("#a35c00")),
  { for n in data.notice { par(n) } })

#for s in data.sections {
  heading(level: 2, s.heading)
  for p in s.paragraphs { par(p) }
  if s.table != none {
    set text(size: 9pt)
    table(
      columns: (3fr, 1fr, 1fr),
      stroke: (x: none, y: 0.5pt + line-colour),
      inset: 4pt,
      align: (col, row) => if col >= 1 { right } else { left },
      table.header(..s.table.head.map(h => text(weight: "bold", h))),
      ..s.table.rows.flatten()
    )
  }
  if s.items.len() > 0 { list(..s.items.map(i => [#i])) }
}
`;

export function renderSlimPdf(doc: SlimDocument, createdAt?: Date): RenderedPdf {
	return renderPdf({ template: slimTemplate, data: doc, createdAt });
}
