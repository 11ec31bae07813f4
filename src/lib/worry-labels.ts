// Labels for the answers to "Wat houdt u het meest bezig?", in the reader's language.
import * as m from './paraglide/messages';
import { WORRIES } from './domain/knowledge/entry';

const worryLabels: Record<(typeof WORRIES)[number], () => string> = {
	personeelstekort: m.advice_worry_personeelstekort,
	behouden: m.advice_worry_behouden,
	vernieuwing: m.advice_worry_vernieuwing,
	'zij-instromers': m.advice_worry_zij_instromers,
	inwerken: m.advice_worry_inwerken,
	vergrijzing: m.advice_worry_vergrijzing
};

export const WORRY_IDS = WORRIES;
export const worryLabel = (id: string): string => (Object.hasOwn(worryLabels, id) ? worryLabels[id as keyof typeof worryLabels]() : id);
