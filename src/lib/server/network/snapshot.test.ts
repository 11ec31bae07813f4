import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openTestDatabase } from '../../../../tests/helpers/database';
import { makeFirm, makeUser } from '../../../../tests/helpers/factories';
import { closeSeededRound, seedResponses, seedRound } from '../../../../tests/helpers/report-seed';
import { randomToken } from '../../../../tests/helpers/scan-factories';
import { networkReportSchema } from '../../domain/network/published';
import type { Database, DatabaseHandle } from '../db/client';
import { firm, firmMember, networkMember, networkSnapshot, reportVersion, user } from '../db/schema';
import { firmAccess } from '../firms/access';
import { publishRoundReport } from '../report/publish/publish-report';
import { networkAccess } from './access';
import { currentMemberFirmIds, networkFirmFigures } from './firm-figures';
import { addCoordinator, addFirmOnPaper, createNetwork } from './manage-network';
import { acceptNetworkInvitation, createNetworkInvitation, leaveNetwork, networkInvitationView, networksOfFirm, revokeNetworkInvitations } from './membership';
import { latestNetworkSnapshot, publishNetworkSnapshot } from './snapshot';
import { roundReport, servedReport } from '../report/publish/round-report';
import { buildDocument } from '../report/build-document';
import { servedReportSchema } from '../../domain/report';

const k = 3;
const today = '2026-06-01';
let h: DatabaseHandle;

beforeAll(async () => {
	h = await openTestDatabase();
});
afterAll(async () => {
	await h?.close();
});

const slug = (prefix: string) => `${prefix}-${randomToken().slice(0, 8).toLowerCase().replace(/[^a-z0-9]/g, 'x')}`;

/** A firm with one closed round of four employees (k = 3), published: it has employee figures. */
async function firmWithFigures(db: Database, attrs: { sector?: string; province?: string; employees?: number; opensOn?: string } = {}) {
	const owner = await makeUser(db);
	const f = await makeFirm(db, { ownerId: owner.id });
	await db.update(firm).set({ sector: attrs.sector ?? 'bouw', province: attrs.province ?? 'utrecht', employees: attrs.employees ?? 20 }).where(eq(firm.id, f.id));
	const round = await seedRound(db, f.id, { threshold: k, opensOn: attrs.opensOn ?? '2026-03-01', closesOn: '2026-03-31' });
	await seedResponses(db, round, 4);
	await publishRoundReport(db, await closeSeededRound(db, round), today);
	return { firm: f, owner, round };
}

async function network(db: Database) {
	const made = await createNetwork(db, { name: 'Leernetwerk Noord', slug: slug('noord') });
	if (!made.ok) throw new Error('network not made');
	return made.network;
}

describe('network snapshots', () => {
	it('counts each firm with the mean of its latest published version, weighing firms the same', async () => {
		const net = await network(h.db);
		const firms: Awaited<ReturnType<typeof firmWithFigures>>[] = [];
		for (let i = 0; i < 3; i++) {
			const made = await firmWithFigures(h.db);
			firms.push(made);
			await addFirmOnPaper(h.db, { networkSlug: net.slug, firmSlug: made.firm.slug, recordedBy: 'cli' });
		}
		const snapshot = await publishNetworkSnapshot(h.db, { networkId: net.id, networkSlug: net.slug, k });
		expect(snapshot).not.toBeNull();
		expect(networkReportSchema.parse(snapshot!.report)).toEqual(snapshot!.report);
		expect(snapshot!.report.firms).toBe(3);
		// The expected figure, read straight from each firm's stored report version.
		const means: number[] = [];
		for (const { round } of firms) {
			const [row] = await h.db.select().from(reportVersion).where(eq(reportVersion.roundId, round.id));
			const report = (row!.report as { nl: { aspects: { id: string; employee: { mean: number | null } }[] } }).nl;
			means.push(report.aspects.find((a) => a.id === 'werk')!.employee.mean!);
		}
		const werk = snapshot!.report.aspects.find((a) => a.id === 'werk')!;
		expect(werk.firms).toBe(3);
		expect(werk.mean).toBeCloseTo((means[0]! + means[1]! + means[2]!) / 3, 10);
		// Fewer than 2k firms: no quartiles.
		expect(werk.p50).toBeNull();
		// The paper consent is on record.
		const rows = await h.db.select().from(networkMember).where(eq(networkMember.networkId, net.id));
		expect(rows.every((r) => r.basis === 'paper' && r.consentedBy === 'cli')).toBe(true);
	});

	it('publishes nothing new for one firm arriving, and a firm that left is not counted from the next snapshot on', async () => {
		const net = await network(h.db);
		const made: Awaited<ReturnType<typeof firmWithFigures>>[] = [];
		for (let i = 0; i < 4; i++) {
			const f = await firmWithFigures(h.db);
			made.push(f);
			await addFirmOnPaper(h.db, { networkSlug: net.slug, firmSlug: f.firm.slug, recordedBy: 'cli' });
		}
		const first = await publishNetworkSnapshot(h.db, { networkId: net.id, networkSlug: net.slug, k });
		expect(first!.report.firms).toBe(4);
		// The first firm's owner leaves: one firm changed, so the coordinator still sees the same snapshot.
		expect(await leaveNetwork(h.db, { networkSlug: net.slug, firmId: made[0]!.firm.id })).toBe(true);
		expect((await publishNetworkSnapshot(h.db, { networkId: net.id, networkSlug: net.slug, k }))!.id).toBe(first!.id);
		// One more joins: two changes, still the same.
		const fifth = await firmWithFigures(h.db);
		await addFirmOnPaper(h.db, { networkSlug: net.slug, firmSlug: fifth.firm.slug, recordedBy: 'cli' });
		expect((await publishNetworkSnapshot(h.db, { networkId: net.id, networkSlug: net.slug, k }))!.id).toBe(first!.id);
		// A third change (a newer round of a member): now a new snapshot, without the firm that left.
		const newer = await seedRound(h.db, made[1]!.firm.id, { threshold: k, name: 'Najaar', opensOn: '2026-04-01', closesOn: '2026-04-30' });
		await seedResponses(h.db, newer, 4);
		await publishRoundReport(h.db, await closeSeededRound(h.db, newer), today);
		const next = await publishNetworkSnapshot(h.db, { networkId: net.id, networkSlug: net.slug, k });
		expect(next!.id).not.toBe(first!.id);
		expect(next!.report.firms).toBe(4);
		const [stored] = await h.db.select().from(networkSnapshot).where(eq(networkSnapshot.id, next!.id));
		expect(stored!.firms.map((f) => f.firmId)).not.toContain(made[0]!.firm.id);
		expect(stored!.firms.find((f) => f.firmId === made[1]!.firm.id)!.unit).toContain(newer.id);
		expect((await latestNetworkSnapshot(h.db, net.id))!.id).toBe(next!.id);
		// The consent log keeps the row of the firm that left.
		const rows = await h.db.select().from(networkMember).where(eq(networkMember.firmId, made[0]!.firm.id));
		expect(rows).toHaveLength(1);
		expect(rows[0]!.leftAt).not.toBeNull();
		expect(await networksOfFirm(h.db, made[0]!.firm.id)).toEqual([]);
	});

	it('counts an imported round and says so; a firm without a published round does not count', async () => {
		const net = await network(h.db);
		for (let i = 0; i < 3; i++) {
			const f = await firmWithFigures(h.db);
			await addFirmOnPaper(h.db, { networkSlug: net.slug, firmSlug: f.firm.slug, recordedBy: 'cli' });
		}
		const owner = await makeUser(h.db);
		const imported = await makeFirm(h.db, { ownerId: owner.id });
		const round = await seedRound(h.db, imported.id, { threshold: k, origin: 'imported' });
		await seedResponses(h.db, round, 4);
		await publishRoundReport(h.db, await closeSeededRound(h.db, round), today);
		await addFirmOnPaper(h.db, { networkSlug: net.slug, firmSlug: imported.slug, recordedBy: 'cli' });
		const empty = await makeFirm(h.db, { ownerId: owner.id });
		await addFirmOnPaper(h.db, { networkSlug: net.slug, firmSlug: empty.slug, recordedBy: 'cli' });
		expect(await currentMemberFirmIds(h.db, net.id)).toHaveLength(5);
		expect(await networkFirmFigures(h.db, net.id)).toHaveLength(4);
		const snapshot = await publishNetworkSnapshot(h.db, { networkId: net.id, networkSlug: net.slug, k });
		expect(snapshot!.report.firms).toBe(4);
		expect(snapshot!.importedFirms).toBe(1);
	});
});

describe('"vergeleken met" in a firm\'s report', () => {
	it('shows the network beside the firm when it has k firms besides it, in JSON and in the document; not after leaving', async () => {
		const net = await network(h.db);
		const made: Awaited<ReturnType<typeof firmWithFigures>>[] = [];
		for (let i = 0; i < 4; i++) {
			const f = await firmWithFigures(h.db);
			made.push(f);
			await addFirmOnPaper(h.db, { networkSlug: net.slug, firmSlug: f.firm.slug, recordedBy: 'cli' });
		}
		const snapshot = await publishNetworkSnapshot(h.db, { networkId: net.id, networkSlug: net.slug, k });
		const { firm: f, round } = made[0]!;
		const view = await roundReport(h.db, f.name, (await closeSeededRound(h.db, round)), { today, locale: 'nl', networks: true });
		expect(view.networks).toHaveLength(1);
		const compared = view.networks[0]!;
		expect(compared).toMatchObject({ network: 'Leernetwerk Noord', firms: 3 });
		const werk = compared.aspects.find((a) => a.id === 'werk')!;
		expect(werk.mean).toBeCloseTo(snapshot!.report.aspects.find((a) => a.id === 'werk')!.mean!, 12);
		// Four firms, k = 3: under 2k, so no quartiles and no position.
		expect(werk.position).toBeNull();
		// All four share sector and size band: 3 besides this firm, so both groups show.
		expect(compared.groups.map((g) => g.variable)).toEqual(['sector', 'size']);
		expect(servedReportSchema.parse(servedReport(view)).networks).toHaveLength(1);
		const doc = buildDocument(view, 'nl');
		const section = doc.sections.find((s) => s.id === 'lk-networks');
		expect(JSON.stringify(section)).toContain('Vergeleken met 3 vergelijkbare bedrijven in Leernetwerk Noord');

		await leaveNetwork(h.db, { networkSlug: net.slug, firmId: f.id });
		const after = await roundReport(h.db, f.name, (await closeSeededRound(h.db, round)), { today, locale: 'nl', networks: true });
		expect(after.networks).toEqual([]);
		// Another firm of three: with 4 counted, it has 3 besides it.
		const other = await roundReport(h.db, made[1]!.firm.name, await closeSeededRound(h.db, made[1]!.round), { today, locale: 'nl', networks: true });
		expect(other.networks).toHaveLength(1);
	});
});

describe('membership by consent', () => {
	it('an owner accepts an invitation link for a firm they own; a co-manager cannot; a withdrawn or made-up link does nothing', async () => {
		const net = await network(h.db);
		const coordinator = await makeUser(h.db);
		await addCoordinator(h.db, { networkSlug: net.slug, email: coordinator.email });
		const { token } = await createNetworkInvitation(h.db, { networkId: net.id, createdBy: coordinator.id });
		const { firm: f, owner } = await firmWithFigures(h.db);
		const manager = await makeUser(h.db);
		await h.db.insert(firmMember).values({ firmId: f.id, userId: manager.id, role: 'manager' });

		expect(await networkInvitationView(h.db, 'made-up', owner.id)).toBeNull();
		expect((await networkInvitationView(h.db, token, manager.id))!.firms).toEqual([]);
		expect(await acceptNetworkInvitation(h.db, { token, userId: manager.id, firmSlug: f.slug })).toEqual({ ok: false, reason: 'not-owner' });
		expect(await acceptNetworkInvitation(h.db, { token, userId: owner.id, firmSlug: f.slug })).toMatchObject({ ok: true });
		// Twice changes nothing.
		await acceptNetworkInvitation(h.db, { token, userId: owner.id, firmSlug: f.slug });
		const rows = await h.db.select().from(networkMember).where(eq(networkMember.firmId, f.id));
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ basis: 'owner', consentedBy: owner.id, leftAt: null });
		expect((await networksOfFirm(h.db, f.id)).map((n) => n.slug)).toEqual([net.slug]);
		await revokeNetworkInvitations(h.db, net.id);
		expect(await networkInvitationView(h.db, token, owner.id)).toBeNull();
	});
});

describe('who sees a network', () => {
	it('a coordinator of network A sees nothing of B, and no member firm on its own', async () => {
		const a = await network(h.db);
		const b = await network(h.db);
		const coordinator = await makeUser(h.db);
		await addCoordinator(h.db, { networkSlug: a.slug, email: coordinator.email });
		// Named for a network, the account is a coordinator of the platform: the navigation shows /networks.
		expect((await h.db.select({ role: user.role }).from(user).where(eq(user.id, coordinator.id)))[0]?.role).toBe('coordinator');
		const { firm: member } = await firmWithFigures(h.db);
		await addFirmOnPaper(h.db, { networkSlug: a.slug, firmSlug: member.slug, recordedBy: 'cli' });
		expect(await networkAccess(h.db, coordinator, a.slug)).toMatchObject({ role: 'coordinator' });
		expect(await networkAccess(h.db, coordinator, b.slug)).toBeNull();
		expect(await firmAccess(h.db, coordinator.id, member.slug)).toBeNull();
		// An owner of a member firm sees no network page either.
		const owner = await makeUser(h.db);
		expect(await networkAccess(h.db, owner, a.slug)).toBeNull();
	});
});
