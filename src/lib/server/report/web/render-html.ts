// The report document as HTML: one fragment for the web page and, wrapped with inline CSS, a complete
// stand-alone document for `leerkompas report --format html`.
import type { Block, Inline, NoticeBlock, ReportDocument, Section, TableBlock } from '../document';
import { chartFigure } from './chart-figure';
import { html, trusted, type Html } from './html';
import { reportCss } from './report-css';
import * as m from '../../../paraglide/messages.js';

export interface ReportHtmlOptions {
	/** Links to the other formats; the web page shows them, a saved file has nowhere to link to. */
	downloads?: { pdf: string; json: string };
}

export function renderReportFragment(doc: ReportDocument, options: ReportHtmlOptions = {}): Html {
	const o = { locale: doc.lang };
	return html`<article class="lk-report" lang="${doc.lang}">
<header class="lk-header">
<p class="lk-eyebrow">${doc.eyebrow}</p>
<h1>${doc.title}</h1>
${doc.status.map((line) => html`<p>${line}</p>`)}
${doc.notices.map(notice)}
${
	options.downloads
		? html`<p class="lk-downloads"><a href="${options.downloads.pdf}">${m.report_download_pdf({}, o)}</a> <a href="${options.downloads.json}">${m.report_download_json({}, o)}</a></p>`
		: ''
}
<nav class="lk-toc" aria-label="${m.report_toc_label({}, o)}"><ul>${doc.sections.map((s) => html`<li><a href="#${s.id}">${s.title}</a></li>`)}</ul></nav>
</header>
${doc.sections.map((s) => section(doc, s, 2))}
</article>`;
}

export function renderReportDocument(doc: ReportDocument): string {
	return `<!doctype html>
${html`<html lang="${doc.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${doc.title}</title>
<style>${trusted(reportCss)}
body { margin: 0; background: #f3f6f5; color: #1d2b2a; font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; line-height: 1.55; }
main { max-width: 60rem; margin: 0 auto; padding: 1.25rem 1rem 3rem; }</style>
</head>
<body><main>
${renderReportFragment(doc)}
</main></body>
</html>`}
`;
}

function section(doc: ReportDocument, s: Section, level: 2 | 3): Html {
	const heading = level === 2 ? html`<h2 id="${s.id}-title">${s.title}</h2>` : html`<h3 id="${s.id}-title">${s.title}</h3>`;
	return html`<section id="${s.id}" aria-labelledby="${s.id}-title">
${heading}
${s.blocks.map((b) => block(doc, b))}
</section>`;
}

function block(doc: ReportDocument, b: Block): Html {
	switch (b.kind) {
		case 'paragraph':
			return html`<p${b.muted ? trusted(' class="lk-muted"') : ''}>${b.text}${b.link ? html` <a href="${b.link.href}">${b.link.text}</a>` : ''}</p>`;
		case 'heading':
			return b.level === 3 ? html`<h3>${b.text}</h3>` : html`<h4>${b.text}</h4>`;
		case 'list': {
			const items = b.items.map((item) => html`<li>${inline(item)}</li>`);
			const cls = b.keepLineBreaks ? trusted(' class="lk-open-answers"') : '';
			return b.ordered ? html`<ol${cls}>${items}</ol>` : html`<ul${cls}>${items}</ul>`;
		}
		case 'terms':
			return html`<dl class="lk-terms">${b.items.map((t) => html`<dt>${t.term}</dt><dd>${t.text}</dd>`)}</dl>`;
		case 'subsection':
			return section(doc, b.section, 3);
		case 'recommendations':
			return html`<ol class="lk-recommendations">${b.items.map(
				(r) => html`<li><h3><a href="${r.href}">${r.title}</a></h3><p>${r.summary}</p><p class="lk-reason">${r.reason}</p></li>`
			)}</ol>`;
		case 'notice':
			return notice(b);
		case 'table':
			return table(b);
		case 'chart':
			return chartFigure(b, doc.lang, table);
		case 'choice':
			return html`<form class="lk-choice" method="get" action="${b.action}" id="${b.id}"><label for="${b.id}-select">${b.label}</label> <select id="${b.id}-select" name="${b.name}">${b.options.map(
				(option) => html`<option value="${option.value}"${option.selected ? trusted(' selected') : ''}>${option.label}</option>`
			)}</select> <button type="submit">${b.submit}</button></form>`;
	}
}

function inline(item: Inline): Html {
	return typeof item === 'string' ? html`${item}` : html`<strong>${item.strong}</strong>${item.text}`;
}

function notice(b: NoticeBlock): Html {
	return html`<div class="lk-notice ${b.tone === 'warn' ? 'lk-warn' : 'lk-info'}"${b.id ? html` id="${b.id}"` : ''}><p>${
		b.strong ? html`<strong>${b.strong}</strong> ` : ''
	}${b.text}</p></div>`;
}

function table(t: TableBlock): Html {
	const width = t.head.length;
	// A wide table scrolls sideways on a phone; the region can take focus so it scrolls by keyboard too.
	return html`<div class="lk-table-wrap" role="region" tabindex="0" aria-label="${t.caption}"><table>
<caption>${t.caption}</caption>
<thead><tr>${t.head.map((h, i) => html`<th scope="col"${i >= t.numericFrom ? trusted(' class="lk-num"') : ''}>${h}</th>`)}</tr></thead>
<tbody>${t.rows.map((row) =>
		'hidden' in row
			? html`<tr class="lk-hidden-group"><th scope="row">${row.header}</th><td colspan="${width - 1}">${row.hidden}</td></tr>`
			: html`<tr><th scope="row">${row.header}${row.note ? html` <span class="lk-muted">${row.note}</span>` : ''}</th>${row.cells.map(
					(c) => html`<td class="lk-num">${c}</td>`
				)}</tr>`
	)}</tbody>
</table></div>`;
}
