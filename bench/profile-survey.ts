// Where the time of a survey post goes: the built server, started under V8's sampling profiler, takes one-page
// posts to one round on PostgreSQL (or PGlite) for a warm-up and a measured spell; then the profile is written and
// the busiest packages and functions are printed (self time, share of all samples, idle included).
//
//   LEERKOMPAS_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/profile-survey.ts
//   LEERKOMPAS_BENCH_SECONDS=20   measured seconds (after 5 s of warm-up)
//   LEERKOMPAS_PROFILE_OUT=…      where the .cpuprofile goes (default: the system's temporary folder); open it in
//                                 Chrome's DevTools (Performance) or speedscope for the call tree
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { completeAnswers, ONE_ADDRESS_FOR_ALL, ownerWithRounds, scratchDatabase, startServer } from '../tests/faults/support';

const SECONDS = Number(process.env.LEERKOMPAS_BENCH_SECONDS ?? 20);
const SERVER_ENV = { LEERKOMPAS_SURVEY_POSTS_PER_10_MIN: '100000000', ...ONE_ADDRESS_FOR_ALL };

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	children?: number[];
}
interface Profile {
	nodes: ProfileNode[];
	samples: number[];
	timeDeltas: number[];
}

/** A server folder whose index.js starts the profiler, then the real build; the profile is written at exit. */
function profilingEntry(profileDir: string): string {
	const dir = mkdtempSync(join(tmpdir(), 'leerkompas-profile-'));
	const build = pathToFileURL(resolve('build/index.js')).href;
	writeFileSync(
		join(dir, 'index.js'),
		`import { Session } from 'node:inspector';\nimport { writeFileSync } from 'node:fs';\nconst session = new Session();\nsession.connect();\nsession.post('Profiler.enable');\nsession.post('Profiler.setSamplingInterval', { interval: 200 });\nsession.post('Profiler.start');\nprocess.on('exit', () => session.post('Profiler.stop', (err, r) => { if (!err) writeFileSync(${JSON.stringify(join(profileDir, 'server.cpuprofile'))}, JSON.stringify(r.profile)); }));\nawait import(${JSON.stringify(build)});\n`
	);
	return dir;
}

async function post(baseUrl: string, survey: string, seconds: number) {
	const fields = Object.assign({}, ...completeAnswers('Wij leren veel van elkaar op de bouwplaats.', 3).map((s) => s.fields)) as Record<string, string>;
	const body = new URLSearchParams(fields).toString();
	const headers = { 'content-type': 'application/x-www-form-urlencoded', origin: baseUrl, accept: 'text/html' };
	let thanked = 0;
	const result = await autocannon({
		url: baseUrl,
		connections: 100,
		duration: seconds,
		timeout: 30,
		requests: [
			{
				method: 'POST',
				path: `${survey}/all`,
				setupRequest: (req: autocannon.Request) => ({ ...req, headers, body: `${body}&submissionKey=${randomBytes(32).toString('base64url')}` }),
				onResponse: (status: number) => void (status === 303 && thanked++)
			}
		]
	});
	return { perSecond: thanked / seconds, p50: result.latency.p50, p99: result.latency.p99 };
}

function top(profile: Profile, key: (node: ProfileNode) => string, n: number): string[] {
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const totals = new Map<string, number>();
	let all = 0;
	profile.samples.forEach((id, i) => {
		const dt = profile.timeDeltas[i] ?? 0;
		all += dt;
		const k = key(byId.get(id)!);
		totals.set(k, (totals.get(k) ?? 0) + dt);
	});
	return [...totals]
		.sort((a, b) => b[1] - a[1])
		.slice(0, n)
		.map(([k, t]) => `${((100 * t) / all).toFixed(1).padStart(5)}%  ${k}`);
}

/**
 * Each sample by the layer it belongs to, from its whole stack: Leerkompas's own code (the compiled routes,
 * hooks and lib, with what they call synchronously: zod, drizzle, the driver), SvelteKit and adapter-node,
 * the driver's own callbacks (parsing PostgreSQL's answers), Node's HTTP, streams and async hooks, and the
 * garbage collector. What a post costs outside our own code is the floor no change to it can go below.
 * A sample counts as ours when any frame of its stack is: SvelteKit's work that a hook of ours runs before its
 * first await is counted as ours, so SvelteKit's share is a lower bound. Which chunks are SvelteKit's is read
 * from the file names Rollup gives them in this build (index.js, utils2.js, handler-); a sample of none of
 * them means the names moved with an upgrade, and the split says so instead of printing a wrong floor.
 */
function layers(profile: Profile): string[] {
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const parent = new Map<number, number>();
	for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
	const layerOf = (id: number): string => {
		const leaf = byId.get(id)!.callFrame.functionName;
		if (leaf === '(idle)' || leaf === '(garbage collector)' || leaf === '(program)') return leaf;
		let ours = false;
		let driver = false;
		let kit = false;
		for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
			const url = byId.get(at)!.callFrame.url;
			// SvelteKit's runtime is bundled as chunks/index.js and chunks/chunks/utils2.js; the rest of chunks/ is ours.
			if (/build\/server\/chunks\/(chunks|entries)\//.test(url) && !/utils2\.js/.test(url)) ours = true;
			else if (/node_modules\/(postgres|drizzle-orm)\//.test(url)) driver = true;
			else if (/build\/server\/chunks\/(index\.js|handler-)|build\/handler\.js/.test(url)) kit = true;
		}
		return ours ? 'Leerkompas code' : driver ? 'driver callbacks' : kit ? 'SvelteKit and adapter-node' : "Node's HTTP, streams, undici, async hooks";
	};
	const totals = new Map<string, number>();
	let busy = 0;
	profile.samples.forEach((id, i) => {
		const layer = layerOf(id);
		if (layer === '(idle)') return;
		const dt = profile.timeDeltas[i] ?? 0;
		busy += dt;
		totals.set(layer, (totals.get(layer) ?? 0) + dt);
	});
	const lines = [...totals].sort((a, b) => b[1] - a[1]).map(([k, t]) => `${((100 * t) / busy).toFixed(1).padStart(5)}%  ${k}`);
	if (!totals.has('SvelteKit and adapter-node')) lines.push("  (no sample in SvelteKit's chunks: their file names changed; adjust layerOf before reading this split)");
	return lines;
}

const packageOf = (node: ProfileNode) => {
	const url = node.callFrame.url;
	return url.match(/node_modules\/((@[^/]+\/)?[^/]+)/)?.[1] ?? (url.startsWith('node:') ? url : url ? url.replace(/.*\/build\//, 'build/') : node.callFrame.functionName);
};
const functionOf = (node: ProfileNode) => `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.replace(/.*\/(node_modules|build)\//, '$1/')}:${node.callFrame.lineNumber}`;

const databaseUrl = process.env.LEERKOMPAS_BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? '';
const database = await scratchDatabase('profile', databaseUrl);
const profileDir = mkdtempSync(join(tmpdir(), 'leerkompas-profile-out-'));
const entry = profilingEntry(profileDir);
try {
	const setup = await startServer(database, undefined, SERVER_ENV);
	const owner = await ownerWithRounds(setup.baseUrl, 1, 'profile', database.env.LEERKOMPAS_DATA_DIR);
	await setup.kill('SIGTERM');
	const server = await startServer(database, undefined, SERVER_ENV, entry);
	await post(server.baseUrl, owner.rounds[0]!.survey, 5);
	const measured = await post(server.baseUrl, owner.rounds[0]!.survey, SECONDS);
	await server.kill('SIGTERM');
	const profile = JSON.parse(readFileSync(join(profileDir, 'server.cpuprofile'), 'utf8')) as Profile;
	const out = process.env.LEERKOMPAS_PROFILE_OUT ?? join(tmpdir(), 'leerkompas-survey.cpuprofile');
	copyFileSync(join(profileDir, 'server.cpuprofile'), out);
	console.log(`${databaseUrl ? 'PostgreSQL' : 'PGlite'}, 100 connections, ${SECONDS} s after 5 s warm-up: ${measured.perSecond.toFixed(0)} posts/s, p50 ${measured.p50} ms, p99 ${measured.p99} ms`);
	console.log(`Profile (start-up included): ${out}\n\nBusy time (idle left out) by layer, from each sample's stack:\n${layers(profile).join('\n')}`);
	console.log(`\nSelf time by package or file:\n${top(profile, packageOf, 20).join('\n')}\n\nSelf time by function:\n${top(profile, functionOf, 30).join('\n')}`);
} finally {
	await database.drop();
	rmSync(entry, { recursive: true, force: true });
	rmSync(profileDir, { recursive: true, force: true });
}
