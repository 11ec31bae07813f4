// Creates a pilot in a network: a name, a slug unique within the network, and optionally the knowledge-base
// entry it tries out (which must be published, so everyone in the network can read what is tried).
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { pilot } from '../db/schema';
import { publishedEntry } from '../knowledge/read-entry';
import { parseCreatePilotInput, type CreatePilotErrors, type CreatePilotInput } from './create-pilot.schema';

export type PilotRecord = typeof pilot.$inferSelect;

export type CreatePilotResult = { ok: true; pilot: PilotRecord } | { ok: false; errors: CreatePilotErrors };

export async function createPilot(db: Database, networkId: string, input: CreatePilotInput): Promise<CreatePilotResult> {
	const checked = parseCreatePilotInput(input);
	if (!checked.ok) return checked;
	const { name, slug, entry } = checked.data;
	if (entry !== undefined && !(await publishedEntry(db, entry))) return { ok: false, errors: { entry: 'unknown' } };
	const [created] = await db
		.insert(pilot)
		.values({ networkId, name, slug, entrySlug: entry ?? null })
		.onConflictDoNothing({ target: [pilot.networkId, pilot.slug] })
		.returning();
	if (!created) return { ok: false, errors: { slug: 'taken' } };
	return { ok: true, pilot: created };
}

export async function findPilot(db: Database, networkId: string, slug: string): Promise<PilotRecord | null> {
	const [found] = await db
		.select()
		.from(pilot)
		.where(and(eq(pilot.networkId, networkId), eq(pilot.slug, slug.trim().toLowerCase())))
		.limit(1);
	return found ?? null;
}

export async function pilotsOfNetwork(db: Database, networkId: string): Promise<PilotRecord[]> {
	return db.select().from(pilot).where(eq(pilot.networkId, networkId)).orderBy(pilot.createdAt, pilot.slug);
}
