// The survey link as a button for a firm's own intranet page: one plain <a> with its style inline, so it
// needs no script and no style sheet of ours, and works in any page editor that accepts HTML.
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const BUTTON_STYLE =
	'display:inline-block;padding:0.7em 1.2em;background:#1f5f8b;color:#ffffff;border-radius:6px;font:600 1rem/1.3 system-ui,sans-serif;text-decoration:none';

export function embedSnippet(url: string, label: string): string {
	// Only web links: a javascript: or data: address would run in the intranet page.
	if (!/^https?:\/\//i.test(url)) throw new Error('embedSnippet takes an http(s) link');
	return `<a href="${escapeHtml(url)}" style="${BUTTON_STYLE}">${escapeHtml(label)}</a>`;
}
