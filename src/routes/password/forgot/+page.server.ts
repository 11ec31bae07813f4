import type { Actions } from './$types';
import { app } from '$lib/web/app';
import { mailRequest } from '$lib/web/mail-request';

export const actions = {
	default: (event) => mailRequest(event, (email) => app().auth.api.requestPasswordReset({ body: { email }, headers: event.request.headers }))
} satisfies Actions;
