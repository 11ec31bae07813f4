// The setup most repository tests of the survey share: a database of the file's own with one firm in it,
// opened before the file's tests and closed after them.
import { afterAll, beforeAll } from 'vitest';
import type { DatabaseHandle } from '../../src/lib/server/db/client';
import { openTestDatabase } from './database';
import { makeFirm } from './factories';

export interface FirmDatabase {
	readonly h: DatabaseHandle;
	readonly firmId: string;
}

/** Call at the top of a describe block; the fields are there once its tests run. */
export function useFirmDatabase(): FirmDatabase {
	const context = {} as { h: DatabaseHandle; firmId: string };
	beforeAll(async () => {
		context.h = await openTestDatabase();
		context.firmId = (await makeFirm(context.h.db)).id;
	});
	afterAll(async () => {
		await context.h?.close();
	});
	return context;
}
