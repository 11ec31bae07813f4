// The benchmark as a Typst PDF, from the same view as the page. Data and texts travel as JSON, so a
// network's name can never run as markup (see ../pdf/typst.ts).
import { renderPdf, TYPST_DATA_PRELUDE } from '../pdf/typst';
import { benchmarkChartSvg } from './benchmark-html';
import type { BenchmarkView } from './benchmark-view';

const template = `${TYPST_DATA_PRELUDE}
#let ink = rgb("#1d2b2a")
#let brand = rgb("#1f5f5b")
#let muted = rgb("#4a5a58")
#set document(title: data.title)
#set page(paper: "a4", margin: (x: 2cm, y: 2cm))
#set text(lang: data.lang, size: 10pt, fill: ink, font: ("Liberation Sans", "DejaVu Sans", "Libertinus Serif"), hyphenate: false)
#show heading.where(level: 2): it => block(above: 1.4em, below: 0.8em, text(size: 14pt, fill: brand, it.body))
#let grid-table(head, rows) = table(
  columns: (2fr,) + (1fr,) * (head.len() - 1),
  stroke: 0.5pt + rgb("#c9d3d1"),
  align: (x, y) => if x == 0 { left } else { right },
  ..head.map(h => strong(h)),
  ..rows.map(r => if r.hidden { (r.cells.at(0), table.cell(colspan: head.len() - 1, text(fill: muted, r.cells.at(1)))) } else { r.cells }).flatten(),
)
= #data.title
#for line in data.lines [#line \\ ]
#if data.rows.len() > 0 [
  == #data.aspectsTitle
  #data.explain
  #grid-table(data.head, data.rows.map(c => (cells: c, hidden: false)))
  #if data.svg != none { block(breakable: false, image(bytes(data.svg), format: "svg", width: 100%)) }
  == #data.groupingsTitle
  #data.groupingsExplain
  #for g in data.groupings [
    === #g.title
    #grid-table(g.head, g.rows)
  ]
]
`;

export function renderBenchmarkPdf(view: BenchmarkView): Uint8Array {
	return renderPdf({ template, data: { ...view, svg: benchmarkChartSvg(view) } }).pdf;
}
