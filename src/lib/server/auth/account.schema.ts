// The shapes of the sign-in and sign-up forms. Built per request, so the messages are in the reader's language.
import { z } from 'zod';
import * as m from '../../paraglide/messages';
import { NAME_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './auth';

const email = () =>
	z
		.string()
		.trim()
		.toLowerCase()
		.pipe(z.email({ message: m.account_email_invalid() }).max(254, { message: m.account_email_invalid() }));

const password = () =>
	z
		.string()
		.min(PASSWORD_MIN_LENGTH, { message: m.account_password_short({ min: PASSWORD_MIN_LENGTH }) })
		.max(200, { message: m.account_password_long() });

export const signInSchema = () => z.object({ email: email(), password: z.string().min(1, { message: m.common_required() }).max(200) });
export const magicLinkSchema = () => z.object({ email: email() });
export const signUpSchema = () =>
	z.object({
		name: z.string().trim().min(1, { message: m.account_name_invalid() }).max(NAME_MAX_LENGTH, { message: m.account_name_invalid() }),
		email: email(),
		password: password()
	});
export const newPasswordSchema = () => z.object({ token: z.string().min(1, { message: m.account_reset_invalid() }).max(200), password: password() });
