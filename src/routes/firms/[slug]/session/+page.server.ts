import type { PageServerLoad } from './$types';
import { loadSessionIntro } from '$lib/server/session/routes';

export const load: PageServerLoad = (event) => loadSessionIntro(event);
