import type { RequestHandler } from './$types';
import { sessionHandout } from '$lib/web/session/routes';

export const GET: RequestHandler = (event) => sessionHandout(event);
