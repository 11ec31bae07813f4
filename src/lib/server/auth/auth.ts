// Accounts and sessions through better-auth: e-mail and password (scrypt, memory-hard) and magic links.
// Firm roles are not kept here but in our own tables (see ../firms/access.ts), because an adviser's access
// is a firm's consent that it can withdraw, which better-auth's organisation roles do not express.
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { magicLink } from 'better-auth/plugins';
import { sveltekitCookies } from 'better-auth/svelte-kit';
import type { RequestEvent } from '@sveltejs/kit';
import type { Database } from '../db/client';
import { account, session, user, verification } from '../db/schema';

export interface AuthDeps {
	db: Database;
	secret: string;
	baseURL: string;
	sendMagicLink: (email: string, url: string) => Promise<void>;
	getRequestEvent: () => RequestEvent;
}

export { PASSWORD_MIN_LENGTH } from '../../password';
export const MAGIC_LINK_MINUTES = 15;
import { PASSWORD_MIN_LENGTH } from '../../password';

export function createAuth(deps: AuthDeps) {
	return betterAuth({
		baseURL: deps.baseURL,
		secret: deps.secret,
		trustedOrigins: [deps.baseURL],
		database: drizzleAdapter(deps.db, {
			provider: 'pg',
			schema: { user, session, account, verification }
		}),
		emailAndPassword: {
			enabled: true,
			minPasswordLength: PASSWORD_MIN_LENGTH,
			maxPasswordLength: 200,
			autoSignIn: true
		},
		user: {
			additionalFields: { role: { type: 'string', input: false, defaultValue: 'user', required: false } }
		},
		session: { expiresIn: 60 * 60 * 24 * 14, updateAge: 60 * 60 * 24 },
		advanced: {
			useSecureCookies: deps.baseURL.startsWith('https:'),
			defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' }
		},
		rateLimit: {
			enabled: true,
			window: 60,
			max: 100,
			customRules: {
				'/sign-in/email': { window: 60, max: 5 },
				'/sign-in/magic-link': { window: 60, max: 3 },
				'/sign-up/email': { window: 60, max: 5 }
			}
		},
		plugins: [
			magicLink({
				expiresIn: MAGIC_LINK_MINUTES * 60,
				storeToken: 'hashed',
				disableSignUp: true,
				sendMagicLink: ({ email, url }) => deps.sendMagicLink(email, url)
			}),
			// Last, so that sessions made from form actions reach the browser as cookies.
			sveltekitCookies(deps.getRequestEvent)
		]
	});
}

export type Auth = ReturnType<typeof createAuth>;
