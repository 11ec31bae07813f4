import type { PageServerLoad } from './$types';
import { loadSessionIntro } from '$lib/web/session/routes';

export const load: PageServerLoad = (event) => loadSessionIntro(event);
