import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from './db/client';
import { instanceSetting } from './db/schema';

/** A secret made on first start and kept in the database, so every app server on it signs alike. */
export async function persistentSecret(db: Database, key: string): Promise<string> {
	await db
		.insert(instanceSetting)
		.values({ key, value: randomBytes(32).toString('base64url') })
		.onConflictDoNothing();
	const [row] = await db.select().from(instanceSetting).where(eq(instanceSetting.key, key));
	return row!.value;
}
