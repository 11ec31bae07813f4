import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseKind, openTestDatabase } from '../../../../tests/helpers/database';
import { makeFirm, makeUser } from '../../../../tests/helpers/factories';
import type { DatabaseHandle } from '../db/client';
import type { Mailer, MailMessage } from '../mail/mailer';
import { createRateLimiter } from '../rate-limit';
import { inviteMember } from './invite-member';
import { listPendingInvitations } from './invitations';
import { parseInviteMemberInput } from './invite-member.schema';

function recordingMailer(): Mailer & { sent: MailMessage[] } {
	const sent: MailMessage[] = [];
	return { kind: 'outbox', sent, send: async (message) => (sent.push(message), { messageId: String(sent.length) }) };
}

describe('the invitation input', () => {
	it('takes an address in any case and a known role', () => {
		expect(parseInviteMemberInput({ email: '  Boekhouder@Example.NL ', role: 'coach' })).toEqual({ ok: true, data: { email: 'boekhouder@example.nl', role: 'coach' } });
	});

	it('names each field that is wrong', () => {
		expect(parseInviteMemberInput({ email: 'geen adres', role: 'owner' })).toEqual({ ok: false, errors: { email: 'invalid', role: 'required' } });
		expect(parseInviteMemberInput({})).toEqual({ ok: false, errors: { email: 'invalid', role: 'required' } });
	});
});

describe(`inviting a team member (${databaseKind})`, () => {
	let h: DatabaseHandle;
	beforeEach(async () => {
		h = await openTestDatabase();
	});
	afterEach(async () => {
		await h.close();
	});

	async function setUp(limit = 30) {
		const owner = await makeUser(h.db, { email: 'eigenaar@example.nl', emailVerified: true });
		const firm = await makeFirm(h.db, { ownerId: owner.id, name: 'Bakkerij Team' });
		const mailer = recordingMailer();
		const deps = { db: h.db, mailer, origin: 'https://leerkompas.example', limiter: createRateLimiter({ limit, windowSeconds: 3600 }) };
		const input = (email: string, role = 'manager') => ({ firm, inviter: owner, email, role, clientKey: '192.0.2.1', locale: 'nl' as const });
		return { firm, mailer, deps, input };
	}

	it('stores the invitation and mails its link to the address as typed, in lower case', async () => {
		const { firm, mailer, deps, input } = await setUp();
		expect(await inviteMember(deps, input(' Boekhouder@Example.nl', 'adviser'))).toEqual({ ok: true, email: 'boekhouder@example.nl' });
		expect(mailer.sent.map((mail) => mail.to)).toEqual(['boekhouder@example.nl']);
		expect(mailer.sent[0]?.text).toContain('https://leerkompas.example/invitations/');
		expect((await listPendingInvitations(h.db, firm.id)).map((i) => [i.who, i.role])).toEqual([['boekhouder@example.nl', 'adviser']]);
	});

	it("refuses bad input and the inviter's own address, and stores and mails nothing then", async () => {
		const { firm, mailer, deps, input } = await setUp();
		expect(await inviteMember(deps, input('geen adres'))).toEqual({ ok: false, errors: { email: 'invalid' } });
		expect(await inviteMember(deps, input('iemand@example.nl', 'owner'))).toEqual({ ok: false, errors: { role: 'required' } });
		expect(await inviteMember(deps, input('EIGENAAR@example.nl'))).toEqual({ ok: false, errors: { email: 'self' } });
		expect(mailer.sent).toEqual([]);
		expect(await listPendingInvitations(h.db, firm.id)).toEqual([]);
	});

	it('stops at the limit per client and firm', async () => {
		const { mailer, deps, input } = await setUp(2);
		expect((await inviteMember(deps, input('een@example.nl'))).ok).toBe(true);
		expect((await inviteMember(deps, input('twee@example.nl'))).ok).toBe(true);
		expect(await inviteMember(deps, input('drie@example.nl'))).toEqual({ ok: false, rateLimited: true });
		expect(mailer.sent).toHaveLength(2);
	});
});
