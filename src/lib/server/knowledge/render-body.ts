// The Markdown body of an entry as HTML. Editors write it in the app, so nothing they type may become markup of
// its own: raw HTML is shown as text, links go only to http(s) addresses, and images are shown as their text.
import { Marked, type Tokens } from 'marked';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

type Parser = { parser: { parseInline(tokens: Tokens.Generic[]): string } };

const marked = new Marked({
	gfm: true,
	renderer: {
		html(token: Tokens.HTML | Tokens.Tag) {
			return escape(token.text);
		},
		link(this: Parser, token: Tokens.Link) {
			const text = this.parser.parseInline(token.tokens);
			return /^https?:\/\//i.test(token.href) ? `<a href="${escape(token.href)}" rel="noopener noreferrer">${text}</a>` : text;
		},
		image(token: Tokens.Image) {
			return escape(token.text);
		}
	}
});

export function renderEntryBody(markdown: string): string {
	return marked.parse(markdown, { async: false });
}
