// A network with member firms that each have a closed round before and after with made-up answers, for the
// pilot tests (repository, CLI and browser). Names are unique per call, so a shared PostgreSQL can hold many.
import { randomBytes } from 'node:crypto';
import type { Database } from '../../src/lib/server/db/client';
import { network, networkCoordinator, networkMember } from '../../src/lib/server/db/schema';
import { roundWithAnswers } from './export-fixtures';
import { makeFirm, makeUser } from './factories';

export interface SeededPilotFirm {
	id: string;
	slug: string;
	name: string;
	before: { id: string; name: string };
	after: { id: string; name: string };
}

export async function seedPilotNetwork(db: Database, options: { firms: number; employees?: number; coordinatorId?: string; name?: string }) {
	const tag = randomBytes(4).toString('hex');
	const [net] = await db.insert(network).values({ slug: `netwerk-${tag}`, name: options.name ?? `Leernetwerk ${tag}` }).returning();
	const coordinator = options.coordinatorId ? { id: options.coordinatorId } : await makeUser(db);
	await db.insert(networkCoordinator).values({ networkId: net!.id, userId: coordinator.id });
	const firms: SeededPilotFirm[] = [];
	for (let i = 0; i < options.firms; i++) {
		const firm = await makeFirm(db, { name: `Bedrijf ${String(i + 1).padStart(2, '0')} ${tag}` });
		await db.insert(networkMember).values({ networkId: net!.id, firmId: firm.id, basis: 'paper', consentedBy: 'test' });
		const employees = options.employees ?? 6;
		const before = await roundWithAnswers(db, firm.id, { employees, seed: 10 + i, status: 'closed', name: 'Voorjaar 2026', opensOn: '2026-02-02', closesOn: '2026-02-27', teams: [] });
		const after = await roundWithAnswers(db, firm.id, { employees, seed: 100 + i, status: 'closed', name: 'Najaar 2026', opensOn: '2026-09-07', closesOn: '2026-10-02', teams: [] });
		firms.push({ id: firm.id, slug: firm.slug, name: firm.name, before: { id: before.round.id, name: before.round.name }, after: { id: after.round.id, name: after.round.name } });
	}
	return { network: net!, coordinatorId: coordinator.id, firms };
}
