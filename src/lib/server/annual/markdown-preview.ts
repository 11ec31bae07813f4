// The editor's preview: the coordinator's Markdown exactly as the annual report will show it (the same blocks),
// as escaped HTML.
import type { Block } from '../report/document';
import { html, type Html } from '../report/web/html';
import { markdownBlocks } from './markdown-blocks';

function blockHtml(b: Block): Html {
	if (b.kind === 'heading') return b.level === 3 ? html`<h4>${b.text}</h4>` : html`<h5>${b.text}</h5>`;
	if (b.kind === 'list') {
		const items = b.items.map((i) => html`<li>${typeof i === 'string' ? i : `${i.strong}${i.text}`}</li>`);
		return b.ordered ? html`<ol>${items}</ol>` : html`<ul>${items}</ul>`;
	}
	if (b.kind === 'paragraph') return html`<p>${b.text}</p>`;
	return html``;
}

export function markdownPreview(markdown: string): string {
	const blocks = markdownBlocks(markdown);
	return blocks.length === 0 ? '' : html`${blocks.map(blockHtml)}`.value;
}
