// A recommendation's reason as one plain sentence in the reader's language, from the reasons as data
// (domain/recommendations): "Omdat 'Ruimte en veiligheid om te leren' het laagst scoort en u zich zorgen
// maakt over mensen behouden."
import type { AppLocale } from '../../domain/instrument';
import type { Focus, Worry } from '../../domain/recommendations/recommend';
import * as m from '../../paraglide/messages.js';

const worryPhrases: Record<Worry, (input: object, options: { locale: AppLocale }) => string> = {
	personeelstekort: m.advice_worry_about_personeelstekort,
	behouden: m.advice_worry_about_behouden,
	vernieuwing: m.advice_worry_about_vernieuwing,
	'zij-instromers': m.advice_worry_about_zij_instromers,
	inwerken: m.advice_worry_about_inwerken,
	vergrijzing: m.advice_worry_about_vergrijzing
};

function part(focus: Focus, aspectLabel: (id: string) => string, o: { locale: AppLocale }): string {
	switch (focus.kind) {
		case 'weakest':
			return focus.rank === 1 ? m.advice_reason_weakest_1({ aspect: aspectLabel(focus.aspect) }, o) : m.advice_reason_weakest_2({ aspect: aspectLabel(focus.aspect) }, o);
		case 'own-view':
			return focus.rank === 1 ? m.advice_reason_own_view_1({ aspect: aspectLabel(focus.aspect) }, o) : m.advice_reason_own_view_2({ aspect: aspectLabel(focus.aspect) }, o);
		case 'gap':
			return focus.ownerHigher ? m.advice_reason_gap_owner_higher({ aspect: aspectLabel(focus.aspect) }, o) : m.advice_reason_gap_owner_lower({ aspect: aspectLabel(focus.aspect) }, o);
		case 'worry':
			return m.advice_reason_worry({ worry: worryPhrases[focus.worry]({}, o) }, o);
	}
}

/** One sentence naming every reason, joined as the language joins a list ("a, b en c"). */
export function reasonText(reasons: readonly Focus[], aspectLabel: (id: string) => string, locale: AppLocale): string {
	const o = { locale };
	const parts = new Intl.ListFormat(locale === 'en' ? 'en-GB' : 'nl-NL', { type: 'conjunction' }).format(reasons.map((f) => part(f, aspectLabel, o)));
	return m.advice_reason_sentence({ parts }, o);
}
