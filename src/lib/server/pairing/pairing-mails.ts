// The mail that asks one of two colleagues whether they want to be paired. Each gets their own link; nothing
// happens until both agree there.
import * as m from '../../paraglide/messages.js';
import type { AppLocale } from '../../domain/instrument';
import { compose, type MailContent } from '../mail/templates';
import type { PairSide } from './pair-token';

export function proposalMail(input: { locale: AppLocale; firmName: string; side: PairSide; name: string; other: string; covers: string[]; url: string }): MailContent {
	const o = { locale: input.locale };
	const what = input.covers.join(', ');
	return compose(input.locale, m.pairing_mail_subject({ firm: input.firmName }, o), [
		{ kind: 'p', text: m.pairing_mail_hello({ name: input.name }, o) },
		{
			kind: 'p',
			text: input.side === 'master' ? m.pairing_mail_intro_master({ firm: input.firmName, other: input.other, what }, o) : m.pairing_mail_intro_apprentice({ firm: input.firmName, other: input.other, what }, o)
		},
		{ kind: 'p', text: m.pairing_mail_both({}, o) },
		{ kind: 'link', url: input.url, label: m.pairing_mail_button({}, o) },
		{ kind: 'p', text: m.pairing_mail_keep({}, o) }
	]);
}
