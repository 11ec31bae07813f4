// Group commit for survey submissions. When a sector fund sends one link to thousands of workers, many
// responses arrive within the same few milliseconds; storing them one transaction each makes the embedded
// database (one connection) the bottleneck. The writer stores whatever has arrived while the previous write
// was under way in one transaction (store-response.ts `storeResponses`), and answers each caller only after
// that commit, with its own outcome: a thank-you still means stored.
import type { Database } from '../../db/client';
import { storeResponse, storeResponses, type StoreInput, type StoreResult } from './store-response';

export interface ResponseWriter {
	store(input: StoreInput): Promise<StoreResult>;
}

interface Waiting {
	input: StoreInput;
	resolve(result: StoreResult): void;
	reject(error: unknown): void;
}

/** Stores each response in a transaction of its own: for tests and the command line. */
export function directWriter(db: Database): ResponseWriter {
	return { store: (input) => storeResponse(db, input) };
}

export function createResponseWriter(db: Database, options: { maxBatch: number; parallel: number }): ResponseWriter {
	const queue: Waiting[] = [];
	let running = 0;
	let scheduled = 0;

	async function write(batch: Waiting[]) {
		try {
			const results = await storeResponses(db, batch.map((w) => w.input));
			batch.forEach((w, i) => w.resolve(results[i]!));
		} catch (error) {
			if (batch.length === 1) return batch[0]!.reject(error);
			// One response's trouble must not fail the others: each is tried again on its own.
			await Promise.all(batch.map((w) => storeResponse(db, w.input).then(w.resolve, w.reject)));
		}
	}

	async function drain() {
		running++;
		try {
			while (queue.length > 0) await write(queue.splice(0, options.maxBatch));
		} finally {
			running--;
		}
	}

	return {
		store(input) {
			return new Promise<StoreResult>((resolve, reject) => {
				queue.push({ input, resolve, reject });
				// The embedded database runs each statement synchronously, so nothing else moves while a write
				// runs; starting the write after the pending network events lets the requests that arrived
				// meanwhile join it.
				if (running + scheduled < options.parallel) {
					scheduled++;
					setImmediate(() => {
						scheduled--;
						void drain();
					});
				}
			});
		}
	};
}
