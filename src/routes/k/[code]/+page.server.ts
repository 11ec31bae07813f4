import type { PageServerLoad } from './$types';
import { redirectOrError, useCardCode } from '$lib/web/survey/codes';

// The QR code on a card leads here; the card goes along in a cookie and is marked used when answers are sent.
export const load: PageServerLoad = async (event) => redirectOrError(await useCardCode(event, event.params.code));
