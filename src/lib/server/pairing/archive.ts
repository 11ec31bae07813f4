// Master and apprentice in the firm archive (AVG art. 15 and 20). A pair's log is in it only when both shared it
// with the owner, as on the pages: the archive goes to the owner, and the promise to the two does not end at a
// download. (`storedRows` still counts every log line, so nothing stored is hidden from the firm.)
import { asc, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { pairingLink, pairingLog, pairingPair } from '../db/schema';
import { peopleOfFirm } from './people';

export async function pairingArchive(db: Database, firmId: string) {
	const people = await peopleOfFirm(db, firmId);
	const names = new Map(people.map((p) => [p.id, p.name]));
	const pairs = await db.select().from(pairingPair).where(eq(pairingPair.firmId, firmId)).orderBy(asc(pairingPair.proposedOn), asc(pairingPair.id));
	const logs = await db.select().from(pairingLog).where(eq(pairingLog.firmId, firmId)).orderBy(asc(pairingLog.day), asc(pairingLog.createdAt));
	const [link] = await db.select({ createdAt: pairingLink.createdAt }).from(pairingLink).where(eq(pairingLink.firmId, firmId));
	return {
		people: people.map((p) => ({ name: p.name, email: p.email, capacity: p.capacity, source: p.source, teaches: p.teaches, wishes: p.wishes })),
		pairs: pairs.map((p) => ({
			master: names.get(p.masterId) ?? null,
			apprentice: names.get(p.apprenticeId) ?? null,
			covers: p.covers,
			status: p.status,
			proposedOn: p.proposedOn,
			startedOn: p.startedOn,
			endedOn: p.endedOn,
			log: p.masterSharesLog && p.apprenticeSharesLog ? logs.filter((l) => l.pairId === p.id).map((l) => ({ day: l.day, what: l.what, note: l.note, writtenBy: l.writtenBy })) : null
		})),
		// The link's token is left out: it would let whoever holds the file add names.
		signUpLinkSince: link?.createdAt.toISOString() ?? null
	};
}
