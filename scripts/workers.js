// Several server processes on one port (Node's cluster module), for `npm start` with LEERKOMPAS_WORKERS=N and
// for the benchmark's build snapshots. PostgreSQL only: the embedded database belongs to one process.
import cluster from 'node:cluster';

/**
 * The number of server processes LEERKOMPAS_WORKERS asks for; a bad value or more than one on the embedded
 * database stops here with one line.
 * @param {string | undefined} raw
 */
export function workerCount(raw) {
	if (raw === undefined || raw.trim() === '') return 1;
	const n = Number(raw);
	if (!Number.isInteger(n) || n < 1 || n > 64) {
		console.error(`LEERKOMPAS_WORKERS must be a whole number from 1 to 64, not "${raw}".`);
		process.exit(1);
	}
	if (n > 1 && !process.env.DATABASE_URL) {
		console.error(`LEERKOMPAS_WORKERS=${n} needs DATABASE_URL (PostgreSQL): the embedded database serves one process only.`);
		process.exit(1);
	}
	return n;
}

/** Set by the primary for each worker: '1' for the one that prints the start banner (see start-banner.ts). */
const BANNER_ENV = 'LEERKOMPAS_START_BANNER';

/**
 * Forks `n` workers, each running the server, and keeps them running; SIGTERM and SIGINT stop them all.
 * @param {number} n
 */
export function runWorkers(n) {
	let stopping = false;
	/** @type {Set<number>} */
	const served = new Set();
	let allServing = false;
	// One worker prints the start banner (src/lib/web/start-banner.ts): with N banners a newcomer would get N
	// set-up links for the first administrator. A worker started after a crash prints none.
	for (let i = 0; i < n; i++) cluster.fork({ [BANNER_ENV]: i === 0 ? '1' : '0' });
	cluster.on('exit', (worker, code, signal) => {
		if (stopping) {
			if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
			return;
		}
		// A worker that fails at start (database out of reach) would fail again at once: stop, as one process does.
		if (!served.has(worker.id)) {
			console.error(`A server process stopped before it served (exit ${code ?? signal}); stopping all.`);
			stopping = true;
			for (const w of Object.values(cluster.workers ?? {})) w?.kill('SIGTERM');
			process.exitCode = 1;
			if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(1);
			return;
		}
		console.error(`A server process stopped (exit ${code ?? signal}); starting another.`);
		cluster.fork({ [BANNER_ENV]: '0' });
	});
	cluster.on('listening', (worker) => {
		served.add(worker.id);
		// Once, when every worker serves: the banner came from one of them, and this says the others are up too.
		const current = Object.values(cluster.workers ?? {});
		if (allServing || current.length < n || !current.every((w) => w && served.has(w.id))) return;
		allServing = true;
		console.log(`  All ${n} server processes are running (LEERKOMPAS_WORKERS=${n}).\n`);
	});
	for (const signal of /** @type {const} */ (['SIGTERM', 'SIGINT'])) {
		process.on(signal, () => {
			stopping = true;
			// Each worker finishes the requests it is answering (adapter-node's own shutdown), then exits.
			for (const w of Object.values(cluster.workers ?? {})) w?.process.kill(signal);
			if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
		});
	}
}

/**
 * In a worker, before the server starts: a worker's channel to the primary would keep it alive after
 * adapter-node's graceful shutdown; let go of it then, so the worker ends once the app has closed its
 * database, as a single server does.
 */
export function endWithTheServer() {
	if (cluster.isWorker) process.once('sveltekit:shutdown', () => process.channel?.unref());
}
