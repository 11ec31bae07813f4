// The short invitation an owner pastes into WhatsApp or an e-mail. It carries the promise the survey
// makes (anonymous, threshold k) so nobody is asked to take part on different terms.
import * as m from '../../../paraglide/messages.js';
import type { Locale } from '../../../paraglide/runtime.js';
import { formatDay } from './format-day';

export interface InvitationTextInput {
	url: string;
	threshold: number;
	closesOn: string;
	locale: Locale;
}

export function invitationText(input: InvitationTextInput): string {
	return m.scan_invite_text({ url: input.url, k: input.threshold, date: formatDay(input.closesOn, input.locale) }, { locale: input.locale });
}
