import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openTestDatabase, databaseKind } from '../../../../tests/helpers/database';
import { makeUser } from '../../../../tests/helpers/factories';
import type { DatabaseHandle } from '../db/client';
import { user } from '../db/schema';
import { setPlatformRole } from './set-platform-role';

let h: DatabaseHandle;
beforeAll(async () => {
	h = await openTestDatabase();
});
afterAll(async () => h.close());

describe(`setPlatformRole (${databaseKind})`, () => {
	it('makes an account a network coordinator, and refuses the admin changing their own role', async () => {
		const admin = await makeUser(h.db, { role: 'admin' });
		const other = await makeUser(h.db);
		expect(await setPlatformRole(h.db, admin.id, other.id, 'coordinator')).toEqual({ ok: true, name: other.name });
		const [row] = await h.db.select({ role: user.role }).from(user).where(eq(user.id, other.id));
		expect(row?.role).toBe('coordinator');
		expect(await setPlatformRole(h.db, admin.id, admin.id, 'user')).toEqual({ ok: false, reason: 'self' });
		expect(await setPlatformRole(h.db, admin.id, 'no-such-id', 'admin')).toEqual({ ok: false, reason: 'not-found' });
	});
});
