// The colleagues a firm recorded for master and apprentice, with what they teach and want to learn.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { labelKey } from '../../domain/pairing/labels';
import type { Database } from '../db/client';
import { pairingLabel, pairingPerson, PAIRING_SOURCES } from '../db/schema';
import type { PersonInput } from './person.schema';

export interface PairingPersonView {
	id: string;
	name: string;
	email: string;
	capacity: number;
	source: (typeof PAIRING_SOURCES)[number];
	teaches: string[];
	wishes: { label: string; since: string }[];
}

export async function peopleOfFirm(db: Database, firmId: string): Promise<PairingPersonView[]> {
	const people = await db.select().from(pairingPerson).where(eq(pairingPerson.firmId, firmId)).orderBy(asc(pairingPerson.name), asc(pairingPerson.id));
	const labels = await db.select().from(pairingLabel).where(eq(pairingLabel.firmId, firmId)).orderBy(asc(pairingLabel.recordedOn), asc(pairingLabel.label));
	return people.map((p) => ({
		id: p.id,
		name: p.name,
		email: p.email,
		capacity: p.capacity,
		source: p.source,
		teaches: labels.filter((l) => l.personId === p.id && l.kind === 'teach').map((l) => l.label),
		wishes: labels.filter((l) => l.personId === p.id && l.kind === 'learn').map((l) => ({ label: l.label, since: l.recordedOn }))
	}));
}

/** Every label used in the firm, once each, to suggest while typing (a datalist, so it works without JavaScript). */
export function labelSuggestions(people: readonly PairingPersonView[]): string[] {
	const byKey = new Map<string, string>();
	for (const p of people) for (const label of [...p.teaches, ...p.wishes.map((w) => w.label)]) if (!byKey.has(labelKey(label))) byKey.set(labelKey(label), label);
	return [...byKey.values()].sort((a, b) => a.localeCompare(b, 'nl'));
}

export async function addPerson(db: Database, firmId: string, input: PersonInput, source: (typeof PAIRING_SOURCES)[number], today: string): Promise<string> {
	return db.transaction(async (tx) => {
		const [row] = await tx.insert(pairingPerson).values({ firmId, name: input.name, email: input.email, capacity: input.capacity, source }).returning({ id: pairingPerson.id });
		await setLabels(tx, firmId, row!.id, input, today);
		return row!.id;
	});
}

/** Changes a person; a wish that stays keeps the day it was first recorded, so changing nothing else loses no place in line. */
export async function updatePerson(db: Database, firmId: string, personId: string, input: PersonInput, today: string): Promise<boolean> {
	return db.transaction(async (tx) => {
		const updated = await tx
			.update(pairingPerson)
			.set({ name: input.name, email: input.email, capacity: input.capacity })
			.where(and(eq(pairingPerson.id, personId), eq(pairingPerson.firmId, firmId)))
			.returning({ id: pairingPerson.id });
		if (updated.length === 0) return false;
		await setLabels(tx, firmId, personId, input, today);
		return true;
	});
}

/**
 * A colleague who records themselves through the firm's link. When the firm already has someone with that
 * e-mail address, their labels are added to that person (nothing is removed or renamed), and the page says the
 * same either way: the link does not tell a stranger who is already on the list.
 */
export async function recordSelf(db: Database, firmId: string, input: PersonInput, today: string): Promise<void> {
	const [existing] = await db
		.select({ id: pairingPerson.id })
		.from(pairingPerson)
		.where(and(eq(pairingPerson.firmId, firmId), eq(pairingPerson.email, input.email)))
		.orderBy(asc(pairingPerson.createdAt))
		.limit(1);
	if (!existing) {
		await addPerson(db, firmId, input, 'self', today);
		return;
	}
	await db.transaction(async (tx) => {
		const have = await tx.select({ kind: pairingLabel.kind, label: pairingLabel.label }).from(pairingLabel).where(eq(pairingLabel.personId, existing.id));
		const known = new Set(have.map((l) => `${l.kind}:${labelKey(l.label)}`));
		const rows = [
			...input.teaches.map((label) => ({ kind: 'teach' as const, label })),
			...input.learns.map((label) => ({ kind: 'learn' as const, label }))
		].filter((l) => !known.has(`${l.kind}:${labelKey(l.label)}`));
		if (rows.length > 0) await tx.insert(pairingLabel).values(rows.map((l) => ({ ...l, firmId, personId: existing.id, recordedOn: today })));
	});
}

/** Removes a person with everything about them: labels, pairs and those pairs' logs. */
export async function removePerson(db: Database, firmId: string, personId: string): Promise<boolean> {
	const removed = await db
		.delete(pairingPerson)
		.where(and(eq(pairingPerson.id, personId), eq(pairingPerson.firmId, firmId)))
		.returning({ id: pairingPerson.id });
	return removed.length > 0;
}

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

async function setLabels(tx: Tx, firmId: string, personId: string, input: PersonInput, today: string): Promise<void> {
	const have = await tx.select().from(pairingLabel).where(eq(pairingLabel.personId, personId));
	const wanted = [...input.teaches.map((label) => ({ kind: 'teach' as const, label })), ...input.learns.map((label) => ({ kind: 'learn' as const, label }))];
	const haveByKey = new Map(have.map((l) => [`${l.kind}:${labelKey(l.label)}`, l]));
	const wantedKeys = new Set(wanted.map((l) => `${l.kind}:${labelKey(l.label)}`));
	const gone = have.filter((l) => !wantedKeys.has(`${l.kind}:${labelKey(l.label)}`)).map((l) => l.id);
	if (gone.length > 0) await tx.delete(pairingLabel).where(inArray(pairingLabel.id, gone));
	const added = wanted.filter((l) => !haveByKey.has(`${l.kind}:${labelKey(l.label)}`));
	if (added.length > 0) await tx.insert(pairingLabel).values(added.map((l) => ({ ...l, firmId, personId, recordedOn: today })));
}
