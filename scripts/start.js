// `npm start`: build when needed, then run the production server on the embedded database
// (or on DATABASE_URL when set). The server prints its URL once it is ready.
// LEERKOMPAS_WORKERS=N (PostgreSQL only) runs N server processes that share the one port (Node's cluster
// module); they hold nothing of their own that must agree, since limits, job leases and the survey's round
// cache go through the database.
import cluster from 'node:cluster';
import { buildIfStale } from './build-if-stale.js';
import { endWithTheServer, runWorkers, workerCount } from './workers.js';

const workers = workerCount(process.env.LEERKOMPAS_WORKERS);

if (cluster.isPrimary) {
	await buildIfStale();
	if (workers > 1) {
		runWorkers(workers);
	} else {
		await serve();
	}
} else {
	await serve();
}

async function serve() {
	process.env.BODY_SIZE_LIMIT ??= '3M';

	// Without ORIGIN, adapter-node takes every request for https:// + Host, so a browser on
	// http://localhost:3000 fails SvelteKit's form check (403) and gets cookies it cannot keep. A plain
	// `npm start` serves plain HTTP, so it says so for each request through a header of its own, set here
	// and never taken from the client. Behind a proxy, ORIGIN or PROTOCOL_HEADER decide instead.
	const PLAIN_HTTP_HEADER = 'x-leerkompas-plain-http';
	const plainHttp = !process.env.ORIGIN && !process.env.PROTOCOL_HEADER;
	if (plainHttp) process.env.PROTOCOL_HEADER = PLAIN_HTTP_HEADER;

	endWithTheServer();

	const { server } = await import('../build/index.js');
	if (plainHttp) {
		server.server.prependListener('request', (request) => {
			request.headers[PLAIN_HTTP_HEADER] = 'http';
		});
	}
}
