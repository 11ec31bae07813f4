// Accounts and sessions through better-auth: e-mail and password (scrypt, memory-hard) and magic links.
// Firm roles are not kept here but in our own tables (see ../firms/access.ts), because an adviser's access
// is a firm's consent that it can withdraw, which better-auth's organisation roles do not express.
import { betterAuth } from 'better-auth';
import { APIError, createAuthMiddleware } from 'better-auth/api';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { magicLink } from 'better-auth/plugins';
import { sveltekitCookies } from 'better-auth/svelte-kit';
import type { RequestEvent } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { account, session, user, verification, type AccountLocale } from '../db/schema';
import { safeReturnPath } from '../../domain/return-path';

export interface AuthDeps {
	db: Database;
	secret: string;
	baseURL: string;
	sendMagicLink: (email: string, url: string) => Promise<void>;
	/** The link that proves an address: after sign-up, or at sign-in while the address is not proven yet. */
	sendVerification: (email: string, url: string) => Promise<void>;
	/** To the owner of an address someone tried to sign up with again: the same answer on screen, a notice here. */
	sendExistingAccountNotice: (email: string, links: { login: string; forgot: string }) => Promise<void>;
	sendPasswordReset: (email: string, url: string) => Promise<void>;
	getRequestEvent: () => RequestEvent;
	/** The language of the request that signs up: stored as the new account's language. */
	requestLocale: () => AccountLocale;
}

export { PASSWORD_MIN_LENGTH } from '../../password';
export const MAGIC_LINK_MINUTES = 15;
export const VERIFICATION_HOURS = 24;
export const PASSWORD_RESET_MINUTES = 60;
export const NAME_MAX_LENGTH = 100;
const IMAGE_MAX_LENGTH = 2048;
/**
 * The one header better-auth reads the client's address from. hooks.server.ts sets it on every request from
 * SvelteKit's getClientAddress() (adapter-node: the socket, or ADDRESS_HEADER/XFF_DEPTH behind a proxy) and
 * overwrites whatever a client sent, so a client's own X-Forwarded-For never picks its rate-limit bucket.
 */
export const CLIENT_ADDRESS_HEADER = 'x-leerkompas-client-address';
import { PASSWORD_MIN_LENGTH } from '../../password';

// better-auth takes a name (sign-up, update-user, magic link) without a length limit of its own; a name of
// 20,000 characters would fill every page and mail that shows it.
const limitNames = createAuthMiddleware(async (ctx) => {
	const body: unknown = ctx.body;
	if (typeof body !== 'object' || body === null) return;
	const { name, image } = body as { name?: unknown; image?: unknown };
	if (typeof name === 'string' && (name.length > NAME_MAX_LENGTH || name.trim().length === 0)) {
		throw new APIError('BAD_REQUEST', { message: `The name must be 1 to ${NAME_MAX_LENGTH} characters.` });
	}
	if (typeof image === 'string' && image.length > IMAGE_MAX_LENGTH) throw new APIError('BAD_REQUEST', { message: 'The image address is too long.' });
});

/** Where a verification link sends someone: through /login, which forwards a signed-in person and explains a dead link. */
function afterVerification(betterAuthUrl: string): string {
	let callback: string | null;
	try {
		callback = new URL(betterAuthUrl).searchParams.get('callbackURL');
	} catch {
		callback = null;
	}
	return `/login?returnTo=${encodeURIComponent(safeReturnPath(callback, '/firms'))}`;
}

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
			// No account is used before its address is proven, so someone who signs up with another person's
			// address gets nothing; better-auth then also answers a sign-up of a known address as for a new one.
			requireEmailVerification: true,
			onExistingUserSignUp: async ({ user: existing }) => {
				await deps.sendExistingAccountNotice(existing.email, { login: `${deps.baseURL}/login`, forgot: `${deps.baseURL}/password/forgot` });
			},
			resetPasswordTokenExpiresIn: PASSWORD_RESET_MINUTES * 60,
			revokeSessionsOnPasswordReset: true,
			// Links are built from the configured public address and the token only, never from the request.
			sendResetPassword: async ({ user: who, token }) => {
				await deps.sendPasswordReset(who.email, `${deps.baseURL}/password/reset?token=${encodeURIComponent(token)}`);
			},
			// The reset link came by mail, so it proves the address as well; the new password is the mail holder's.
			onPasswordReset: async ({ user: who }) => {
				await deps.db.update(user).set({ emailVerified: true }).where(eq(user.id, who.id));
			}
		},
		emailVerification: {
			sendOnSignUp: true,
			sendOnSignIn: true,
			autoSignInAfterVerification: true,
			expiresIn: VERIFICATION_HOURS * 3600,
			sendVerificationEmail: async ({ user: who, token, url }) => {
				const callbackURL = encodeURIComponent(afterVerification(url));
				await deps.sendVerification(who.email, `${deps.baseURL}/api/auth/verify-email?token=${encodeURIComponent(token)}&callbackURL=${callbackURL}`);
			}
		},
		hooks: { before: limitNames },
		user: {
			additionalFields: {
				role: { type: 'string', input: false, defaultValue: 'user', required: false },
				locale: { type: 'string', input: false, defaultValue: 'nl', required: false }
			}
		},
		// A new account speaks the language of the page it signed up on, so its first reminder mails do too.
		databaseHooks: { user: { create: { before: async (data) => ({ data: { ...data, locale: deps.requestLocale() } }) } } },
		session: { expiresIn: 60 * 60 * 24 * 14, updateAge: 60 * 60 * 24 },
		advanced: {
			ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
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
				'/sign-up/email': { window: 60, max: 5 },
				'/send-verification-email': { window: 60, max: 3 },
				'/request-password-reset': { window: 60, max: 3 },
				'/reset-password': { window: 60, max: 5 }
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
