// How long a report takes, for 10, 250 and 5,000 respondents: JSON (build the report and serialise it),
// HTML (the stand-alone document, charts included) and PDF (Typst). Prints the median of a few runs after
// one warm-up; asserts nothing. Run: npx tsx bench/report.ts
import { pathToFileURL } from 'node:url';
import { loadInstrument } from '../src/lib/domain/instrument';
import { buildDocument } from '../src/lib/server/report/build-document';
import { renderReportDocument } from '../src/lib/server/report/web/render-html';
import { buildRoundReport } from '../src/lib/server/report/publish/publish-report';
import type { ReportRound } from '../src/lib/server/report/publish/report-round';
import type { RoundReport } from '../src/lib/server/report/publish/round-report';
import { sampleResponses } from '../src/lib/server/report/sample-responses';
import { renderReportPdf } from '../src/lib/server/report/pdf/render-report-pdf';
import { clearChartCache } from '../src/lib/server/report/charts/render-chart';

const instrument = loadInstrument('v1');
const sizes = [10, 250, 5000];
const runs = 7;

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

interface Timing {
	wall: number;
	/** CPU time of this process: steadier than the wall clock when other work shares the machine. */
	cpu: number;
}

/** `fresh` runs before each measured run, outside the timing: it empties caches for a cold measurement. */
function time(work: () => unknown, fresh: () => void = () => {}): Timing {
	for (let i = 0; i < 3; i++) work();
	const wall: number[] = [];
	const cpu: number[] = [];
	for (let i = 0; i < runs; i++) {
		fresh();
		const start = performance.now();
		const startCpu = process.cpuUsage();
		work();
		const used = process.cpuUsage(startCpu);
		wall.push(performance.now() - start);
		cpu.push((used.user + used.system) / 1000);
	}
	return { wall: median(wall), cpu: median(cpu) };
}

const show = (t: Timing) => `${t.wall.toFixed(1)} (${t.cpu.toFixed(1)})`;

const teams = ['Werkplaats', 'Winkel', 'Kantoor', 'Bezorging'];
const openTexts = ['Collega\u2019s leggen graag iets uit.', 'Meer tijd voor cursussen.', 'We praten te weinig over fouten.', 'De nieuwe machine: wie leert ons die?'];
/** The report benchmark's figures as text; run-all.ts can print them with the others. */
export function runReport(): string {
	const rows: string[][] = [];
	for (const n of sizes) {
		const round: ReportRound = {
			id: 'bench',
			firmId: 'bench',
			name: 'Benchmark',
			instrumentVersion: 'v1',
			opensOn: '2026-03-01',
			closesOn: '2026-03-31',
			status: 'open',
			invited: Math.round(n * 1.2),
			teams,
			threshold: 5,
			openAnswersVerbatim: true
		};
		const employees = sampleResponses(instrument, n, 'employee', { seed: n, teams, openTexts });
		const owners = sampleResponses(instrument, 1, 'owner', { seed: 7 });
		const view = (): RoundReport => ({
			firmName: 'Benchmark BV',
			round: { id: round.id, name: round.name, opensOn: round.opensOn, closesOn: round.closesOn, closed: false },
			version: { number: 1, publishedOn: '2026-03-10' },
			responses: n,
			stillNeeded: 5,
			tooLate: 0,
			report: buildRoundReport(round, employees, owners, 0, 'nl')
		});
		const built = view();
		const json = time(() => JSON.stringify(buildRoundReport(round, employees, owners, 0, 'nl')));
		const html = time(() => renderReportDocument(buildDocument(built, 'nl')), clearChartCache);
		const htmlCached = time(() => renderReportDocument(buildDocument(built, 'nl')));
		const pdf = time(() => renderReportPdf(buildDocument(built, 'nl')), clearChartCache);
		const pdfBytes = renderReportPdf(buildDocument(built, 'nl')).length;
		rows.push([String(n), show(json), show(html), show(htmlCached), show(pdf), `${Math.round(pdfBytes / 1024)} KiB`]);
	}

	return [
		`Report timings in ms, wall clock (CPU time) (median of ${runs} runs after three warm-ups; Node ${process.version})`,
		'respondents | JSON | HTML | HTML, charts cached | PDF | PDF size',
		...rows.map((row) => row.join(' | ')),
		'JSON = build the report and serialise it; HTML = stand-alone document with 13 ECharts SVG charts drawn anew;',
		'HTML, charts cached = the same once a version\u2019s charts are drawn (a web page seen again); PDF = Typst, charts drawn anew.'
	].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) console.log(runReport());
