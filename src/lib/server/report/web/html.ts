// A tiny HTML template tag that escapes every interpolated value unless it is already Html. Writing the
// report as a TypeScript template (not a .svelte file) lets the CLI render it under tsx, while the web page
// embeds the very same fragment: one layout for every format.

export class Html {
	constructor(readonly value: string) {}
	toString(): string {
		return this.value;
	}
}

export type HtmlValue = Html | string | number | null | undefined | false | readonly HtmlValue[];

export function escapeHtml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&#39;');
}

function render(value: HtmlValue): string {
	if (value instanceof Html) return value.value;
	if (value === null || value === undefined || value === false) return '';
	if (typeof value === 'number') return escapeHtml(String(value));
	if (typeof value === 'string') return escapeHtml(value);
	return value.map(render).join('');
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
	let out = strings[0] ?? '';
	for (let i = 0; i < values.length; i++) out += render(values[i]) + (strings[i + 1] ?? '');
	return new Html(out);
}

/** Markup made elsewhere and known to be safe, such as an SVG that ECharts wrote with its own escaping. */
export function trusted(markup: string): Html {
	return new Html(markup);
}
