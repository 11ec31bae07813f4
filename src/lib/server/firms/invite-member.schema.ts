// The rules for inviting someone to a firm's team, free of database code so that the form action and the
// tests check input the same way. Each problem is a stable error code; the caller turns codes into text.
import { z } from 'zod';
import type { firmInvitation } from '../db/schema';

type InvitationRole = (typeof firmInvitation.$inferInsert)['role'];

/** A co-manager, or one of the adviser kinds (see advisers.ts), in the order the team page offers them. */
export const INVITE_ROLES = ['manager', 'adviser', 'coach', 'ambassador', 'retired'] as const satisfies readonly InvitationRole[];

export const INVITE_MEMBER_FIELDS = ['email', 'role'] as const;
export type InviteMemberField = (typeof INVITE_MEMBER_FIELDS)[number];
export const INVITE_MEMBER_ERROR_CODES = ['invalid', 'required', 'self'] as const;
export type InviteMemberErrorCode = (typeof INVITE_MEMBER_ERROR_CODES)[number];
export type InviteMemberErrors = Partial<Record<InviteMemberField, InviteMemberErrorCode>>;

export const inviteMemberSchema = z.object({
	email: z
		.string({ error: 'invalid' })
		.trim()
		.toLowerCase()
		.pipe(z.email({ error: 'invalid' })),
	role: z.enum(INVITE_ROLES, { error: 'required' })
});

export type InviteMemberData = z.output<typeof inviteMemberSchema>;

export function parseInviteMemberInput(input: unknown): { ok: true; data: InviteMemberData } | { ok: false; errors: InviteMemberErrors } {
	const parsed = inviteMemberSchema.safeParse(input);
	if (parsed.success) return { ok: true, data: parsed.data };
	const errors: InviteMemberErrors = {};
	for (const issue of parsed.error.issues) {
		const field = INVITE_MEMBER_FIELDS.find((f) => f === issue.path[0]);
		if (!field || errors[field]) continue; // the first problem per field is the one to fix first
		errors[field] = INVITE_MEMBER_ERROR_CODES.find((c) => c === issue.message) ?? 'invalid';
	}
	return { ok: false, errors };
}
