// The SvelteKit side of master and apprentice: the secret that signs pair links, the person form read from a
// post. (The limit on self sign-ups through a firm's link is app().limits.pairingSignUps.)
import { app } from './app';
import { formError } from './forms';
import { persistentSecret } from '../server/instance-settings';
import { PAIR_LINK_SECRET_NAME } from '../server/pairing/pair-token';
import { parsePerson, type PersonInput } from '../server/pairing/person.schema';
import { pairingErrorTexts } from '../server/pairing/errors';
import * as m from '../paraglide/messages';

// Read once per database: the secret never changes, and the public pair links would otherwise write and read
// instance_setting on every view.
const secrets = new WeakMap<object, Promise<string>>();

export function pairLinkSecret(): Promise<string> {
	const db = app().database.db;
	let secret = secrets.get(db);
	if (!secret) {
		secret = persistentSecret(db, PAIR_LINK_SECRET_NAME);
		secrets.set(db, secret);
		// A failed read (database down) is not kept: the next view tries again.
		secret.catch(() => secrets.delete(db));
	}
	return secret;
}

export function readPerson(form: FormData): { ok: true; data: PersonInput } | { ok: false; failure: ReturnType<typeof formError> } {
	const raw = Object.fromEntries(['name', 'email', 'capacity', 'teaches', 'learns'].map((k) => [k, form.get(k) ?? undefined]));
	const parsed = parsePerson(raw);
	if (parsed.ok) return parsed;
	return { ok: false, failure: formError(400, form, m.common_form_has_errors(), pairingErrorTexts(parsed.errors)) };
}
