import type { RequestHandler } from './$types';
import { sessionHandout } from '$lib/server/session/routes';

export const GET: RequestHandler = (event) => sessionHandout(event);
