// The Typst layout of the report PDF. All data, texts included, arrives as JSON through sys.inputs (see
// ../pdf/typst.ts): Typst shows a string from data as plain text, so an open answer with *, #, $ or <
// prints exactly as typed and can never run as markup.
import { TYPST_DATA_PRELUDE } from '../../pdf/typst';

export const reportTemplate = `${TYPST_DATA_PRELUDE}
#let ink = rgb("#1d2b2a")
#let muted = rgb("#4a5a58")
#let brand = rgb("#1f5f5b")
#let line-colour = rgb("#c9d3d1")

#set document(title: data.title)
#set page(
  paper: "a4",
  margin: (x: 2cm, top: 2cm, bottom: 2.2cm),
  footer: context {
    set text(size: 8pt, fill: muted)
    data.footer.made
    h(1fr)
    [#data.footer.page #counter(page).display() #data.footer.of #counter(page).final().first()]
  },
)
#set text(lang: data.lang, size: 10pt, fill: ink, font: ("Liberation Sans", "DejaVu Sans", "Libertinus Serif"), hyphenate: false)
#set par(justify: false, leading: 0.6em, spacing: 0.9em)
#show heading: set text(fill: ink)
#show heading.where(level: 1): set text(size: 18pt)
#show heading.where(level: 2): it => block(above: 1.4em, below: 0.8em, text(size: 15pt, fill: brand, it.body))
#show heading.where(level: 3): set text(size: 12pt)
#show heading.where(level: 4): set text(size: 10.5pt)

#let inline(item) = if type(item) == str { item } else { strong(item.strong); item.text }

#let notice(b) = block(
  width: 100%, inset: 8pt, radius: 3pt,
  fill: if b.tone == "warn" { rgb("#fff6e0") } else { rgb("#eef3fb") },
  stroke: (left: 3pt + if b.tone == "warn" { rgb("#a35c00") } else { rgb("#2c5aa0") }),
  { if "strong" in b and b.strong != none { strong(b.strong); " " }; b.text },
)

#let data-table(t) = {
  let cols = t.head.len()
  block(breakable: true, above: 0.8em, below: 1em, {
    text(weight: "bold", t.caption)
    set text(size: 8.5pt)
    table(
      columns: if cols <= 2 { (3fr, 1fr) } else { (2.6fr,) + ((1fr,) * (cols - 1)) },
      stroke: (x: none, y: 0.5pt + line-colour),
      inset: (x: 4pt, y: 4pt),
      align: (col, row) => if col >= t.numericFrom { right + top } else { left + top },
      table.header(..t.head.map(h => text(weight: "bold", h))),
      ..t.rows.map(r => if "hidden" in r {
        (r.header, table.cell(colspan: cols - 1, align: left, emph(r.hidden)))
      } else {
        let head = if "note" in r and r.note != none { r.header + " " + r.note } else { r.header }
        (head, ..r.cells)
      }).flatten(),
    )
  })
}

#let chart(b) = block(breakable: false, above: 0.8em, below: 1em, width: 100%, {
  text(weight: "bold", b.title)
  v(0.3em)
  if b.svg != none { image(bytes(b.svg), format: "svg", width: 100%) } else { text(fill: muted, b.empty) }
})

#let render-block(b) = {
  if b.kind == "paragraph" {
    let body = if "link" in b and b.link != none [#b.text #link(b.link.href)[#b.link.text]] else [#b.text]
    if "muted" in b and b.muted == true { par(text(fill: muted, body)) } else { par(body) }
  } else if b.kind == "heading" {
    heading(level: b.level, b.text)
  } else if b.kind == "list" {
    if b.ordered { enum(..b.items.map(inline)) } else { list(..b.items.map(inline)) }
  } else if b.kind == "recommendations" {
    for (i, r) in b.items.enumerate() {
      block(below: 0.9em, breakable: false, width: 100%, inset: (left: 8pt), stroke: (left: 3pt + brand), {
        strong[#(i + 1). #link(r.href, r.title)]
        linebreak()
        r.summary
        linebreak()
        text(fill: muted, style: "italic", r.reason)
      })
    }
  } else if b.kind == "terms" {
    for t in b.items { block(below: 0.7em, { strong(t.term); linebreak(); t.text }) }
  } else if b.kind == "notice" {
    notice(b)
  } else if b.kind == "table" {
    data-table(b)
  } else if b.kind == "chart" {
    chart(b)
    if b.table != none { data-table(b.table) }
  }
}

#let render-section(s, level) = {
  heading(level: level, s.title)
  for b in s.blocks {
    if b.kind == "subsection" { render-section(b.section, level + 1) } else { render-block(b) }
  }
}

#text(size: 9pt, fill: muted, upper(data.eyebrow))
#heading(level: 1, data.title)
#for line in data.status { par(line) }
#for n in data.notices { notice(n) }
#for (i, s) in data.sections.enumerate() {
  // Each main part starts on a new page, except the summary, which follows the title.
  if i > 0 { pagebreak(weak: true) }
  render-section(s, 2)
}
`;
