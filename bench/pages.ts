// Respondent pages: bytes sent per page (HTML and the CSS it links, raw and gzip-compressed; fonts and images
// counted when linked), the number of scripts (must be zero), and time to first byte of a screen under load.
// The whole flow in Dutch, then every page a respondent reads before sending in each of the other five
// languages (Arabic and Ukrainian take more bytes per letter in UTF-8).
//
//   npx tsx bench/pages.ts      (PGlite; the pages are the same on PostgreSQL)
import { gzipSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { cookieName } from '../src/lib/paraglide/runtime.js';
import { surveyLocales } from '../src/lib/domain/instrument';
import { Browser, completeAnswers, ownerWithRounds, scratchDatabase, snapshotBuild, startServer, type RunningServer } from '../tests/faults/support';

const SECONDS = Number(process.env.LEERKOMPAS_BENCH_SECONDS ?? 10);

interface PageSize {
	page: string;
	htmlBytes: number;
	htmlGzip: number;
	assetBytes: number;
	assetGzip: number;
	scripts: number;
}

async function measure(browser: Browser, label: string, path: string, assetCache: Map<string, { raw: number; gzip: number }>): Promise<PageSize> {
	const res = await browser.get(path);
	if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
	const html = Buffer.from(await res.arrayBuffer());
	const text = html.toString('utf8');
	const lang = browser.cookies.get(cookieName) ?? 'nl';
	if (!text.includes(`<html lang="${lang}"`)) throw new Error(`${path} is not in ${lang}`);
	const assets = [...text.matchAll(/<link[^>]+href="([^"]+\.(?:css|woff2?|png|svg|jpg|webp))"/g)].map((m) => new URL(m[1]!, browser.baseUrl + path).pathname);
	assets.push(...[...text.matchAll(/<img[^>]+src="([^"]+)"/g)].map((m) => new URL(m[1]!, browser.baseUrl + path).pathname));
	let assetBytes = 0;
	let assetGzip = 0;
	for (const asset of new Set(assets)) {
		let size = assetCache.get(asset);
		if (!size) {
			const body = Buffer.from(await (await fetch(browser.baseUrl + asset)).arrayBuffer());
			size = { raw: body.length, gzip: gzipSync(body).length };
			assetCache.set(asset, size);
		}
		assetBytes += size.raw;
		assetGzip += size.gzip;
	}
	const scripts = (text.match(/<script/gi) ?? []).length + (text.match(/modulepreload/gi) ?? []).length;
	return { page: label, htmlBytes: html.length, htmlGzip: gzipSync(html).length, assetBytes, assetGzip, scripts };
}

async function timeToFirstByte(server: RunningServer, path: string, connections: number) {
	return new Promise<autocannon.Result>((resolve, reject) =>
		autocannon({ url: server.baseUrl + path, connections, duration: SECONDS }, (err, result) => (err ? reject(err) : resolve(result)))
	);
}

export async function runPages(): Promise<string> {
	const build = snapshotBuild();
	// '' rather than undefined: the page sizes do not depend on the database; never fall back to TEST_DATABASE_URL.
	const database = await scratchDatabase('bench-pages', '');
	let server: RunningServer | undefined;
	try {
		server = await startServer(database, undefined, {}, build.dir);
		const { rounds } = await ownerWithRounds(server.baseUrl, 1, 'pages', database.env.LEERKOMPAS_DATA_DIR);
		const survey = rounds[0]!.survey;
		const browser = new Browser(server.baseUrl);
		const cache = new Map<string, { raw: number; gzip: number }>();
		const sizes: PageSize[] = [await measure(browser, 'intro', survey, cache), await measure(browser, 'all questions on one page', `${survey}/all`, cache)];
		for (const screen of completeAnswers('Samen leren op de werkvloer.')) {
			sizes.push(await measure(browser, `screen ${screen.step}`, `${survey}/q/${screen.step}`, cache));
			const res = await browser.post(`${survey}/q/${screen.step}`, { ...screen.fields, go: 'next' });
			if (res.status !== 303) throw new Error(`posting ${screen.step} answered ${res.status}`);
		}
		sizes.push(await measure(browser, 'summary', `${survey}/summary`, cache));
		const summary = await (await browser.get(`${survey}/summary`)).text();
		const key = summary.match(/name="submissionKey" value="([^"]+)"/)?.[1] ?? '';
		const sent = await browser.post(`${survey}/summary`, { submissionKey: key });
		if (sent.status !== 303) throw new Error(`sending answered ${sent.status}`);
		sizes.push(await measure(browser, 'thanks', `${survey}/thanks`, cache));
		for (const locale of surveyLocales.filter((l) => l !== 'nl')) {
			const reader = new Browser(server.baseUrl);
			reader.cookies.set(cookieName, locale);
			const pages = [['intro', survey], ['all questions on one page', `${survey}/all`], ...completeAnswers('').map((screen) => [`screen ${screen.step}`, `${survey}/q/${screen.step}`]), ['summary', `${survey}/summary`]];
			for (const [label, path] of pages) sizes.push(await measure(reader, `${label} (${locale})`, path!, cache));
		}

		const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
		const lines = ['Respondent pages: bytes per page (HTML + linked CSS, fonts, images), gzip as a proxy or the static files would send them', '| page | HTML | HTML gzip | CSS etc. | CSS etc. gzip | total gzip | scripts |', '|---|---:|---:|---:|---:|---:|---:|'];
		for (const s of sizes) lines.push(`| ${s.page} | ${kb(s.htmlBytes)} | ${kb(s.htmlGzip)} | ${kb(s.assetBytes)} | ${kb(s.assetGzip)} | ${kb(s.htmlGzip + s.assetGzip)} | ${s.scripts} |`);
		const largest = Math.max(...sizes.map((s) => s.htmlGzip + s.assetGzip));
		lines.push(`Largest page: ${kb(largest)} compressed (target: under 30 kB). Scripts on any page: ${sizes.reduce((n, s) => n + s.scripts, 0)} (target: 0).`);

		lines.push('', `Time to first byte of a survey screen (GET ${'/s/…/q/werk'}) under load, ${SECONDS} s per level`, '| connections | pages/s | p50 | p99 |', '|---:|---:|---:|---:|');
		for (const connections of [10, 100]) {
			const result = await timeToFirstByte(server, `${survey}/q/werk`, connections);
			lines.push(`| ${connections} | ${result.requests.average.toFixed(0)} | ${result.latency.p50} ms | ${result.latency.p99} ms |`);
		}
		return lines.join('\n');
	} finally {
		await server?.kill('SIGTERM');
		await database.drop();
		build.remove();
	}
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const text = await runPages();
	console.log(`\n${text}`);
	if (process.env.LEERKOMPAS_BENCH_OUT) writeFileSync(process.env.LEERKOMPAS_BENCH_OUT, text);
}
