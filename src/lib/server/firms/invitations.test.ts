import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseKind, openTestDatabase } from '../../../../tests/helpers/database';
import { makeFirm, makeUser } from '../../../../tests/helpers/factories';
import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../db/client';
import { adviserGrant } from '../db/schema';
import type { Mailer, MailMessage } from '../mail/mailer';
import { firmAccess } from './access';
import { acceptInvitation, inviteToFirm, listPendingInvitations, withdrawInvitation } from './invitations';

function recordingMailer(): Mailer & { sent: MailMessage[] } {
	const sent: MailMessage[] = [];
	return { kind: 'outbox', sent, send: async (message) => (sent.push(message), { messageId: String(sent.length) }) };
}

const tokenFrom = (mail: MailMessage) => mail.text.match(/https:\/\/leerkompas\.example\/invitations\/([A-Za-z0-9_-]+)/)?.[1] ?? '';

describe(`invitations (${databaseKind})`, () => {
	let h: DatabaseHandle;
	beforeEach(async () => {
		h = await openTestDatabase();
	});
	afterEach(async () => {
		await h.close();
	});

	async function setUp() {
		const owner = await makeUser(h.db, { emailVerified: true });
		const firm = await makeFirm(h.db, { ownerId: owner.id, name: 'Bakkerij Uitnodiging' });
		const invitee = await makeUser(h.db, { email: 'boekhouder@example.nl', emailVerified: true });
		const mailer = recordingMailer();
		const deps = { db: h.db, mailer, origin: 'https://leerkompas.example' };
		return { owner, firm, invitee, mailer, deps };
	}

	it('records the inviter as the one who gave consent to an adviser', async () => {
		const { owner, firm, invitee, mailer, deps } = await setUp();
		await inviteToFirm(deps, { firm, email: invitee.email, role: 'adviser', inviter: owner, locale: 'nl' });
		await acceptInvitation(h.db, tokenFrom(mailer.sent[0]!), { id: invitee.id, email: invitee.email });
		const [grant] = await h.db.select().from(adviserGrant).where(eq(adviserGrant.adviserId, invitee.id));
		expect(grant?.grantedBy).toBe(owner.id);
	});

	it('mails an existing account as any other address, and gives access only on acceptance', async () => {
		const { owner, firm, invitee, mailer, deps } = await setUp();
		await inviteToFirm(deps, { firm, email: invitee.email, role: 'manager', inviter: owner, locale: 'nl' });
		expect(mailer.sent).toHaveLength(1);
		expect(mailer.sent[0]!.to).toBe(invitee.email);
		expect(mailer.sent[0]!.text).toContain('mede-beheerder');
		expect(await firmAccess(h.db, invitee.id, firm.slug)).toBeNull();
		expect((await listPendingInvitations(h.db, firm.id)).map((i) => [i.who, i.role])).toEqual([[invitee.email, 'manager']]);

		const accepted = await acceptInvitation(h.db, tokenFrom(mailer.sent[0]!), { id: invitee.id, email: invitee.email });
		expect(accepted).toEqual({ ok: true, firmSlug: firm.slug });
		expect((await firmAccess(h.db, invitee.id, firm.slug))?.role).toBe('manager');
		expect((await acceptInvitation(h.db, tokenFrom(mailer.sent[0]!), { id: invitee.id, email: invitee.email })).ok).toBe(false);
		expect(await listPendingInvitations(h.db, firm.id)).toEqual([]);
	});

	it('refuses another account, and a withdrawn invitation', async () => {
		const { owner, firm, invitee, mailer, deps } = await setUp();
		const other = await makeUser(h.db, { emailVerified: true });
		await inviteToFirm(deps, { firm, email: invitee.email, role: 'coach', inviter: owner, locale: 'nl' });
		const token = tokenFrom(mailer.sent[0]!);
		expect(await acceptInvitation(h.db, token, { id: other.id, email: other.email })).toEqual({ ok: false, reason: 'wrong-email' });
		expect(await firmAccess(h.db, other.id, firm.slug)).toBeNull();

		const [pending] = await listPendingInvitations(h.db, firm.id);
		const otherFirm = await makeFirm(h.db);
		expect(await withdrawInvitation(h.db, otherFirm.id, pending!.id)).toBe(false);
		expect(await withdrawInvitation(h.db, firm.id, pending!.id)).toBe(true);
		expect(await acceptInvitation(h.db, token, { id: invitee.id, email: invitee.email })).toEqual({ ok: false, reason: 'invalid' });
		expect(await firmAccess(h.db, invitee.id, firm.slug)).toBeNull();
	});
});
