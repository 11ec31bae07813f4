// Small factories for test data: each call makes a new, unique row with sensible defaults.
import { randomUUID } from 'node:crypto';
import type { Database } from '../../src/lib/server/db/client';
import { firm, firmMember, user } from '../../src/lib/server/db/schema';

let counter = 0;
const next = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export async function makeUser(db: Database, overrides: Partial<typeof user.$inferInsert> = {}) {
	const id = next();
	const [row] = await db
		.insert(user)
		.values({ id: randomUUID(), name: `Persoon ${id}`, email: `persoon-${id}@example.nl`, ...overrides })
		.returning();
	return row!;
}

export async function makeFirm(db: Database, options: { ownerId?: string; employees?: number; name?: string } = {}) {
	const id = next();
	const [row] = await db
		.insert(firm)
		.values({ slug: `firma-${id}`, name: options.name ?? `Firma ${id}`, sector: 'overig', sizeClass: '10-49', province: 'groningen', employees: options.employees ?? 12 })
		.returning();
	if (options.ownerId) await db.insert(firmMember).values({ firmId: row!.id, userId: options.ownerId, role: 'owner' });
	return row!;
}
