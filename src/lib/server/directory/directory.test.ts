// The directory of retired entrepreneurs: a listing is the author's own, seen by others only while published
// and only by people who run a firm; an owner's invitation is the ordinary 'retired' invitation, mailed to
// the listed account, and the firm never learns that address.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { databaseKind, openTestDatabase } from '../../../../tests/helpers/database';
import { makeFirm, makeUser } from '../../../../tests/helpers/factories';
import type { DatabaseHandle } from '../db/client';
import { directoryListing, user } from '../db/schema';
import type { Mailer, MailMessage } from '../mail/mailer';
import { createRateLimiter } from '../rate-limit';
import { acceptInvitation, listPendingInvitations } from '../firms/invitations';
import { listAdvisers } from '../firms/advisers';
import { firmAccess } from '../firms/access';
import { firmArchive } from '../data-rights/firm-archive';
import { deleteAccount } from '../data-rights/delete-account';
import { firmsToInviteTo } from './directory-access';
import { saveListing } from './save-listing';
import { deleteListing, setListingPublished } from './publish-listing';
import { ownListing, visibleListing } from './find-listing';
import { searchListings } from './search-listings';
import { inviteListed } from './invite-listed';

let h: DatabaseHandle;
beforeAll(async () => {
	h = await openTestDatabase();
});
afterAll(async () => h.close());

function recordingMailer(): Mailer & { sent: MailMessage[] } {
	const sent: MailMessage[] = [];
	return { kind: 'outbox', sent, send: async (message) => (sent.push(message), { messageId: String(sent.length) }) };
}

const henk = { name: 'Henk de Bakker', provinces: ['gelderland', 'utrecht'], sectors: ['industrie'], offers: ['klankbord', 'gesprek'], about: 'Veertig jaar een bakkerij gehad; nu graag klankbord voor jonge ondernemers.' };

describe(`the directory (${databaseKind})`, () => {
	it('keeps a new listing to its author until it is published, and out of the search after it is withdrawn', async () => {
		const author = await makeUser(h.db, { email: `henk-${crypto.randomUUID()}@example.nl` });
		const reader = await makeUser(h.db);
		const saved = await saveListing(h.db, author.id, henk);
		expect(saved.ok).toBe(true);
		const id = saved.ok ? saved.id : '';
		expect(await visibleListing(h.db, { id, viewerId: reader.id, mayBrowse: true })).toBeNull();
		expect(await visibleListing(h.db, { id, viewerId: author.id, mayBrowse: false })).toMatchObject({ name: 'Henk de Bakker', own: true, published: false });
		expect((await searchListings(h.db, { q: 'Henk de Bakker' })).map((l) => l.id)).not.toContain(id);

		expect(await setListingPublished(h.db, author.id, true)).toBe(true);
		expect(await visibleListing(h.db, { id, viewerId: reader.id, mayBrowse: true })).toMatchObject({ own: false, published: true });
		expect(await visibleListing(h.db, { id, viewerId: reader.id, mayBrowse: false })).toBeNull();
		// An edit keeps it published; the search finds it by province, sector and a word.
		await saveListing(h.db, author.id, { ...henk, about: `${henk.about} Ook opvolging.` });
		expect((await ownListing(h.db, author.id))?.published).toBe(true);
		expect((await searchListings(h.db, { province: 'utrecht', sector: 'industrie', q: 'bakkerij opvolging' })).map((l) => l.id)).toContain(id);
		expect((await searchListings(h.db, { province: 'zeeland', q: 'bakkerij opvolging' })).map((l) => l.id)).not.toContain(id);
		expect((await searchListings(h.db, { sector: 'bouw', q: 'bakkerij opvolging' })).map((l) => l.id)).not.toContain(id);

		expect(await setListingPublished(h.db, author.id, false)).toBe(true);
		expect(await visibleListing(h.db, { id, viewerId: reader.id, mayBrowse: true })).toBeNull();
		expect((await searchListings(h.db, { q: 'bakkerij opvolging' })).map((l) => l.id)).not.toContain(id);
		expect(await deleteListing(h.db, author.id)).toBe(true);
		expect(await ownListing(h.db, author.id)).toBeNull();
	});

	it('refuses an incomplete listing and stores nothing', async () => {
		const author = await makeUser(h.db);
		expect(await saveListing(h.db, author.id, { ...henk, provinces: [], about: 'kort' })).toEqual({ ok: false, errors: { provinces: 'required', about: 'too_short' } });
		expect(await ownListing(h.db, author.id)).toBeNull();
	});

	it('treats % and _ in the search as letters', async () => {
		expect(await searchListings(h.db, { q: '%' })).toEqual([]);
	});

	it('lets an owner invite a listed person without ever learning the address; access follows the mailed link', async () => {
		const address = `henk-${crypto.randomUUID()}@example.nl`;
		const retired = await makeUser(h.db, { email: address, name: 'H. de Bakker', emailVerified: true });
		const owner = await makeUser(h.db, { name: 'Olga Eigenaar' });
		const f = await makeFirm(h.db, { ownerId: owner.id, name: 'Bakkerij Olga' });
		expect(await firmsToInviteTo(h.db, owner.id)).toEqual([{ id: f.id, slug: f.slug, name: 'Bakkerij Olga' }]);
		const saved = await saveListing(h.db, retired.id, henk);
		const listingId = saved.ok ? saved.id : '';
		const mailer = recordingMailer();
		const deps = { db: h.db, mailer, origin: 'https://leerkompas.example', limiter: createRateLimiter({ limit: 30, windowSeconds: 3600 }) };
		const input = { listingId, firm: f, inviter: owner, clientKey: '192.0.2.9', locale: 'nl' as const };

		expect(await inviteListed(deps, input)).toEqual({ ok: false, reason: 'not-found' }); // not published yet
		await setListingPublished(h.db, retired.id, true);
		expect(await inviteListed(deps, { ...input, inviter: retired })).toEqual({ ok: false, reason: 'self' });
		expect(await inviteListed(deps, input)).toEqual({ ok: true, name: 'Henk de Bakker' });
		expect(mailer.sent.map((m) => m.to)).toEqual([address]);
		const pending = await listPendingInvitations(h.db, f.id);
		expect(pending).toMatchObject([{ who: 'Henk de Bakker', role: 'retired' }]);
		expect(JSON.stringify(pending)).not.toContain(address);

		const token = /invitations\/([\w-]+)/.exec(mailer.sent[0]!.text)![1]!;
		expect(await acceptInvitation(h.db, token, { id: retired.id, email: address })).toMatchObject({ ok: true });
		expect(await firmAccess(h.db, retired.id, f.slug)).toMatchObject({ role: 'adviser', seesReport: true });
		expect(await listAdvisers(h.db, f.id)).toMatchObject([{ name: 'H. de Bakker', kind: 'retired', email: null }]);
		expect(await inviteListed(deps, input)).toEqual({ ok: false, reason: 'already' });
		const archive = await firmArchive(h.db, { firmId: f.id, today: '2026-11-30', locale: 'nl', about: 'Uitleg' });
		expect(archive?.body).toContain('H. de Bakker');
		expect(archive?.body).not.toContain(address);
	});

	it('deletes the listing with the account', async () => {
		const author = await makeUser(h.db, { email: `weg-${crypto.randomUUID()}@example.nl` });
		await saveListing(h.db, author.id, henk);
		expect(await deleteAccount(h.db, { userId: author.id, confirmEmail: author.email, today: '2026-11-30' })).toMatchObject({ ok: true, rows: { directory_listing: 1 } });
		expect(await h.db.select().from(user).where(eq(user.id, author.id))).toEqual([]);
		expect(await h.db.select().from(directoryListing).where(eq(directoryListing.userId, author.id))).toEqual([]);
	});
});
