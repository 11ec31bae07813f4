// Kept apart from support.ts: that module is also used by the benchmarks, which run without vitest.
import { afterAll } from 'vitest';

export type Cleanup = () => Promise<void> | void;

/**
 * What a fault test file must undo whatever happens (servers, databases, mounted disks): pushed as it goes,
 * run last first after the file's tests; one failing cleanup does not stop the others.
 */
export function cleanupsAfterAll(): Cleanup[] {
	const cleanups: Cleanup[] = [];
	afterAll(async () => {
		for (const cleanup of cleanups.reverse()) {
			try {
				await cleanup();
			} catch (e) {
				console.error('cleanup failed:', e);
			}
		}
	});
	return cleanups;
}
