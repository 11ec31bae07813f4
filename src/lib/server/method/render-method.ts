// The method documents in docs/ (measures, codebook, privacy, recommendations) as pages of the app, so the report can link to them
// instead of naming a path in the source code. The Markdown is the project's own, written for GitHub and for
// researchers; marked turns it into HTML, and links between the documents become links between the pages.
import { Marked, type Tokens } from 'marked';

/** The documents shown, by the page's path below /method ('' is the method itself). */
export const METHOD_DOCUMENTS = { '': 'measures.md', codebook: 'codebook.md', privacy: 'privacy.md', recommendations: 'recommendations.md' } as const;
export type MethodPage = keyof typeof METHOD_DOCUMENTS;

export function isMethodPage(value: string): value is MethodPage {
	return Object.hasOwn(METHOD_DOCUMENTS, value);
}

function pageOfFile(href: string): string | null {
	const found = Object.entries(METHOD_DOCUMENTS).find(([, file]) => file === href);
	if (!found) return null;
	return found[0] === '' ? '/method' : `/method/${found[0]}`;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const marked = new Marked({
	gfm: true,
	renderer: {
		link(this: { parser: { parseInline(tokens: Tokens.Generic[]): string } }, token: Tokens.Link) {
			const text = this.parser.parseInline(token.tokens);
			if (/^https?:\/\//.test(token.href)) return `<a href="${escape(token.href)}">${text}</a>`;
			// A document of the repository that is not a page here (a JSON schema, say) is named, not linked.
			const page = pageOfFile(token.href);
			return page ? `<a href="${page}">${text}</a>` : `<code>${text}</code>`;
		},
		table(this: { parser: { parseInline(tokens: Tokens.Generic[]): string } }, token: Tokens.Table) {
			const cells = (row: Tokens.TableCell[], tag: 'th' | 'td') => row.map((cell) => `<${tag}${tag === 'th' ? ' scope="col"' : ''}>${this.parser.parseInline(cell.tokens)}</${tag}>`).join('');
			const head = `<thead><tr>${cells(token.header, 'th')}</tr></thead>`;
			const body = `<tbody>${token.rows.map((row) => `<tr>${cells(row, 'td')}</tr>`).join('')}</tbody>`;
			// A wide table scrolls sideways on a phone; the region takes focus so the keyboard can scroll it too.
			return `<div class="table-wrap" role="region" tabindex="0" aria-label="${escape(token.header.map((c) => c.text).join(', '))}"><table>${head}${body}</table></div>`;
		}
	}
});

/** The document as HTML, and its first heading as the page title. */
export function renderMethod(markdown: string): { title: string; html: string } {
	const title = markdown.match(/^#\s+(.+)$/m)?.[1]?.trim() ?? '';
	return { title, html: marked.parse(markdown, { async: false }) };
}
