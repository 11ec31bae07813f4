// The people of an access test, each signed in once for the whole file.
import { beforeAll } from 'vitest';
import { HttpSession, signInFromOwnAddress } from './http-client';
import type { UsedSeededServer } from './seeded-server';

type People = Record<string, { email: string }>;

/**
 * A session for each of the seed's `people` (or only the `roles` named), under the same name, and `anonymous`
 * for someone signed out. They sign in in a `beforeAll`, so call this after `useSeededServer`. The server must
 * run with `forwardedAddressEnv`: each person signs in from an address of their own.
 */
export function useRoleSessions<T extends { people: People }>(server: UsedSeededServer<T>, password: string, roles?: readonly (keyof T['people'] & string)[]): Record<string, HttpSession> {
	const sessions: Record<string, HttpSession> = {};
	beforeAll(async () => {
		for (const role of roles ?? Object.keys(server.seeded.people)) {
			sessions[role] = await signInFromOwnAddress(server.baseUrl, server.seeded.people[role]!.email, password);
		}
		sessions.anonymous = server.session();
	});
	return sessions;
}
