// The web side of the import: reads the uploaded file from the form, refuses what is too big or not text,
// and turns every outcome into what the upload page shows.
import { fail } from '@sveltejs/kit';
import type { Database } from '../server/db/client';
import * as m from '../paraglide/messages.js';
import type { Locale } from '../paraglide/runtime.js';
import { loadInstrument } from '../domain/instrument/load';
import { roundErrorTexts } from '../server/scan/rounds/round-errors';
import { importProblemText, type ImportProblemText } from '../server/scan/import/import-problems';
import { importResponses } from '../server/scan/import/import-responses';
import { decodeCsvBytes, MAX_IMPORT_BYTES } from '../server/scan/import/import-responses.schema';
import { withoutControlCharacters } from '../server/form-text';

/** A page of a thousand problems helps nobody; the first ones show what kind of fix the file needs. */
export const MAX_PROBLEMS_SHOWN = 100;

/** Room for the multipart wrapping around a file of the largest size allowed. */
const MULTIPART_MARGIN = 64 * 1024;

/**
 * Reads the posted form unless the request says it is far too big: no need to take in megabytes only to
 * refuse them. Null when the body is too big or could not be read (e.g. cut off by the server's limit).
 */
export async function readUploadForm(request: Request): Promise<FormData | null> {
	const length = Number(request.headers.get('content-length') ?? Number.NaN);
	if (length > MAX_IMPORT_BYTES + MULTIPART_MARGIN) return null;
	try {
		return withoutControlCharacters(await request.formData());
	} catch {
		return null;
	}
}

export interface UploadCommand {
	firm: { id: string; slug: string; employees: number };
	/** Null when the body was not read; `contentLength` then tells whether it was too big. */
	form: FormData | null;
	contentLength: number | null;
	threshold: number;
	today: string;
	locale: Locale;
}

export async function uploadResponses(db: Database, command: UploadCommand) {
	const { form, locale } = command;
	const roundField = form?.get('round');
	const roundName = typeof roundField === 'string' ? roundField : '';
	const values: Record<string, string> = { round: roundName.slice(0, 200) };
	const refuse = (status: number, message: string, extra: { errors?: Record<string, string>; problems?: ImportProblemText[]; more?: number } = {}) => {
		const errors: Record<string, string> = extra.errors ?? {};
		return fail(status, { values, errors, message, problems: extra.problems ?? [], more: extra.more ?? 0 });
	};

	if (!form) {
		const tooBig = (command.contentLength ?? 0) > MAX_IMPORT_BYTES;
		const message = tooBig ? m.scan_import_too_big({}, { locale }) : m.scan_import_unreadable({}, { locale });
		return refuse(tooBig ? 413 : 400, message, { errors: { file: message } });
	}
	const file = form.get('file');
	if (!(file instanceof File) || file.size === 0) return refuse(400, m.scan_import_no_file({}, { locale }), { errors: { file: m.scan_import_no_file({}, { locale }) } });
	if (file.size > MAX_IMPORT_BYTES) return refuse(413, m.scan_import_too_big({}, { locale }), { errors: { file: m.scan_import_too_big({}, { locale }) } });
	const csv = decodeCsvBytes(new Uint8Array(await file.arrayBuffer()));
	if (csv === null) return refuse(400, m.scan_import_not_text({}, { locale }), { errors: { file: m.scan_import_not_text({}, { locale }) } });

	const result = await importResponses(db, { firm: command.firm, input: { roundName, csv }, threshold: command.threshold, today: command.today });
	if (result.ok) {
		const count = result.imported.employee + result.imported.owner;
		return { done: m.scan_import_done({ count, round: result.round.name }, { locale }), roundUrl: `/firms/${command.firm.slug}/rounds/${result.round.id}` };
	}
	switch (result.reason) {
		case 'invalid_round': {
			const errors = roundErrorTexts(result.errors, locale);
			return refuse(400, m.common_form_has_errors({}, { locale }), { errors: { round: errors.name ?? Object.values(errors)[0] ?? '' } });
		}
		case 'round_closed':
			return refuse(409, m.scan_import_round_closed({ round: result.round.name }, { locale }), { errors: { round: m.scan_import_round_closed({ round: result.round.name }, { locale }) } });
		case 'round_collected': {
			const message = m.scan_import_round_collected({ round: result.round.name }, { locale });
			return refuse(409, message, { errors: { round: message } });
		}
		case 'problems': {
			const instrument = loadInstrument(result.instrumentVersion);
			const problems = result.problems.slice(0, MAX_PROBLEMS_SHOWN).map((p) => importProblemText(p, instrument, locale));
			return refuse(400, m.scan_import_failed({}, { locale }), { problems, more: Math.max(0, result.problems.length - MAX_PROBLEMS_SHOWN) });
		}
	}
}
