// The coordinator's Markdown as blocks of the report document: headings, paragraphs and lists of plain text.
// Both the web page (which escapes every text) and the PDF (which prints data as text, never as Typst markup)
// then show it safely; raw HTML is shown as its text, and a link keeps its address in brackets so it
// survives on paper. Emphasis is dropped: a report prints the coordinator's words, not their styling.
import { Lexer, type Token, type Tokens } from 'marked';
import type { Block, Inline } from '../report/document';

export function markdownBlocks(markdown: string): Block[] {
	const blocks: Block[] = [];
	for (const token of Lexer.lex(markdown, { gfm: true })) blocks.push(...tokenBlocks(token));
	return blocks;
}

function tokenBlocks(token: Token): Block[] {
	switch (token.type) {
		case 'heading': {
			const t = token as Tokens.Heading;
			return [{ kind: 'heading', level: t.depth <= 2 ? 3 : 4, text: inlineText(t.tokens) }];
		}
		case 'paragraph':
			return [{ kind: 'paragraph', text: inlineText((token as Tokens.Paragraph).tokens) }];
		case 'text': {
			const t = token as Tokens.Text;
			return [{ kind: 'paragraph', text: t.tokens ? inlineText(t.tokens) : t.text }];
		}
		case 'list': {
			const t = token as Tokens.List;
			const items: Inline[] = t.items.map((item) => item.tokens.map(blockText).filter((s) => s !== '').join(' '));
			return [{ kind: 'list', ordered: t.ordered, items }];
		}
		case 'blockquote':
			return (token as Tokens.Blockquote).tokens.flatMap(tokenBlocks);
		case 'code':
			return [{ kind: 'paragraph', text: (token as Tokens.Code).text }];
		case 'html':
			return token.raw.trim() === '' ? [] : [{ kind: 'paragraph', text: token.raw.trim() }];
		case 'table': {
			const t = token as Tokens.Table;
			const rows = [t.header.map((c) => inlineText(c.tokens)), ...t.rows.map((r) => r.map((c) => inlineText(c.tokens)))];
			return [{ kind: 'list', ordered: false, items: rows.map((r) => r.join(' · ')) }];
		}
		default:
			// space, hr, def: nothing to print
			return [];
	}
}

function blockText(token: Token): string {
	if (token.type === 'list') return (token as Tokens.List).items.map((i) => i.tokens.map(blockText).join(' ')).join('; ');
	if ('tokens' in token && Array.isArray(token.tokens)) return inlineText(token.tokens as Token[]);
	return 'text' in token && typeof token.text === 'string' ? token.text : '';
}

function inlineText(tokens: Token[] | undefined): string {
	if (!tokens) return '';
	return tokens
		.map((token) => {
			switch (token.type) {
				case 'link': {
					const t = token as Tokens.Link;
					const text = inlineText(t.tokens);
					return /^https?:\/\//i.test(t.href) && text !== t.href ? `${text} (${t.href})` : text;
				}
				case 'image':
					return (token as Tokens.Image).text;
				case 'br':
					return ' ';
				case 'codespan':
					return (token as Tokens.Codespan).text;
				case 'html':
					return token.raw;
				default:
					if ('tokens' in token && Array.isArray(token.tokens)) return inlineText(token.tokens as Token[]);
					return 'text' in token && typeof token.text === 'string' ? unescapeEntities(token.text) : token.raw;
			}
		})
		.join('')
		.replace(/\s+/g, ' ')
		.trim();
}

// marked escapes text tokens for HTML; our renderers escape again (web) or print as is (PDF), so undo it.
function unescapeEntities(text: string): string {
	return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}
