// Labels for master and apprentice, in the reader's language.
import * as m from './paraglide/messages';
import { uiLocale } from './locale';

const statusLabels: Record<string, () => string> = {
	proposed: m.pairing_status_proposed,
	active: m.pairing_status_active,
	declined: m.pairing_status_declined,
	ended: m.pairing_status_ended
};

const writerLabels: Record<string, () => string> = {
	master: m.pairing_log_by_master,
	apprentice: m.pairing_log_by_apprentice,
	owner: m.pairing_log_by_owner
};

export const pairStatusLabel = (status: string): string => statusLabels[status]?.() ?? status;
export const logWriterLabel = (writer: string): string => writerLabels[writer]?.() ?? writer;

/** A calendar day as people write it ("1 december 2026"); a day, not a moment, so no time zone moves it. */
export function dayLabel(day: string): string {
	return new Intl.DateTimeFormat(uiLocale() === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}
