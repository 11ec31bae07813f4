// Labels for the action plan's fixed lists, in the reader's language.
import * as m from './paraglide/messages';

const statusLabels: Record<string, () => string> = {
	'niet-gestart': m.session_status_niet_gestart,
	'bezig': m.session_status_bezig,
	'klaar': m.session_status_klaar,
	'gestopt': m.session_status_gestopt
};

export const statusLabel = (id: string): string => statusLabels[id]?.() ?? id;
