// The SvelteKit side of master and apprentice: the secret that signs pair links, the person form read from a
// post, and the limit on self sign-ups through a firm's link.
import { app } from './app';
import { formError } from './forms';
import { persistentSecret } from '../server/instance-settings';
import { PAIR_LINK_SECRET_NAME } from '../server/pairing/pair-token';
import { parsePerson, type PersonInput } from '../server/pairing/person.schema';
import { pairingErrorTexts } from '../server/pairing/errors';
import { createRateLimiter } from '../server/rate-limit';
import * as m from '../paraglide/messages';

export function pairLinkSecret(): Promise<string> {
	return persistentSecret(app().database.db, PAIR_LINK_SECRET_NAME);
}

/** Sign-ups through one firm link per client address and hour: enough for a canteen, not for filling the list. */
export const selfSignUps = createRateLimiter({ limit: 30, windowSeconds: 60 * 60 });

export function readPerson(form: FormData): { ok: true; data: PersonInput } | { ok: false; failure: ReturnType<typeof formError> } {
	const raw = Object.fromEntries(['name', 'email', 'capacity', 'teaches', 'learns'].map((k) => [k, form.get(k) ?? undefined]));
	const parsed = parsePerson(raw);
	if (parsed.ok) return parsed;
	return { ok: false, failure: formError(400, form, m.common_form_has_errors(), pairingErrorTexts(parsed.errors)) };
}
