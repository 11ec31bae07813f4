import { describe, expect, it } from 'vitest';
import type { ChartModel } from './chart-model';
import { clearChartCache, renderChart } from './render-chart';

const model = (overrides: Partial<ChartModel> = {}): ChartModel => ({
	id: 'chart-test',
	title: 'Score per team',
	categoryHeading: 'Team',
	categories: ['Werkplaats', 'Kantoor <script>alert(1)</script> & "zo"'],
	series: [
		{ name: 'Medewerkers', values: [3.5, null], color: '#1f5f5b' },
		{ name: 'Uzelf <b>', values: [4, 2.5], color: '#a35c00' }
	],
	scale: { kind: 'score', min: 1, max: 5 },
	stacked: false,
	...overrides
});

describe('renderChart', () => {
	it('draws an SVG image with a name, and escapes every text it shows', () => {
		const { svg } = renderChart(model(), { label: 'Grafiek: "Score" <per> team', formatShare: (v) => `${v}` });
		expect(svg.startsWith('<svg role="img" aria-label="Grafiek: &quot;Score&quot; &lt;per&gt; team"')).toBe(true);
		expect(svg).toContain('viewBox');
		expect(svg).not.toMatch(/<script|<b>/);
		expect(svg).toContain('Kantoor &lt;script&gt;');
		expect(svg).toContain('Uzelf &lt;b&gt;');
		expect(svg).not.toContain('NaN');
	});

	it('labels a share axis with the formatter it is given', () => {
		const { svg } = renderChart(model({ scale: { kind: 'share' }, series: [{ name: 'Ja', values: [0.25, 0.8], color: '#1f5f5b' }] }), {
			label: 'x',
			formatShare: (v) => `${Math.round(v * 100)} procent`
		});
		expect(svg).toContain('50 procent');
		expect(svg).toContain('100 procent');
	});

	it('grows with the number of bars, so long lists stay readable', () => {
		const few = renderChart(model(), { label: 'x', formatShare: String });
		const many = renderChart(
			model({ categories: Array.from({ length: 12 }, (_, i) => `Groep ${i}`), series: [{ name: 'a', values: Array(12).fill(3), color: '#000' }] }),
			{ label: 'x', formatShare: String }
		);
		expect(many.height).toBeGreaterThan(few.height);
	});
});

describe('the chart cache', () => {
	it('draws a chart once and gives the same SVG again, but draws anew when anything shown differs', () => {
		clearChartCache();
		const first = renderChart(model(), { label: 'x', formatShare: String });
		expect(renderChart(model(), { label: 'x', formatShare: String })).toBe(first);
		const changed = renderChart(model({ series: [{ name: 'Medewerkers', values: [3.6, null], color: '#1f5f5b' }] }), { label: 'x', formatShare: String });
		expect(changed).not.toBe(first);
		expect(changed.svg).not.toBe(first.svg);
		const otherLanguage = renderChart(model({ scale: { kind: 'share' } }), { label: 'x', formatShare: (v) => `${v * 100}%` });
		const sameModelOtherFormat = renderChart(model({ scale: { kind: 'share' } }), { label: 'x', formatShare: (v) => `${v * 100} %` });
		expect(sameModelOtherFormat.svg).not.toBe(otherLanguage.svg);
	});
});

describe('a long statement as a label', () => {
	it('is wrapped whole, never cut off, and inside the picture', () => {
		clearChartCache();
		const statement = 'Bij ons mogen medewerkers zelf beslissingen nemen in hun eigen werk, ook als dat soms misgaat';
		const { svg, height } = renderChart(model({ categories: [statement, 'Kort'] }), { label: 'x', formatShare: String });
		const shown = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
		expect(shown.join(' ')).not.toContain('…');
		const words = statement.split(' ');
		for (const word of words) expect(shown.some((line) => line.includes(word)), word).toBe(true);
		// every line of text sits above the bottom edge of the picture
		for (const y of [...svg.matchAll(/<text[^>]*transform="translate\([\d.]+ ([\d.]+)\)"/g)].map((m) => Number(m[1]))) expect(y).toBeLessThan(height);
	});
});
