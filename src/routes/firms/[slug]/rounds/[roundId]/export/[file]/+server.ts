import { error, type RequestHandler } from '@sveltejs/kit';
import { app } from '$lib/web/app';
import { requireUser } from '$lib/web/guards';
import { exportAccess } from '$lib/server/export/export-access';
import { findExportFile, mayExport } from '$lib/server/export/export-files';
import { exportRound } from '$lib/server/export/export-round';
import { findReportRound } from '$lib/server/report/publish/report-round';
import { dayOf } from '$lib/server/clock';
import { uiLocale } from '$lib/locale';
import * as m from '$lib/paraglide/messages';

// requireFirm would turn away a researcher, whose right is a data agreement and not a role in the firm:
// exportAccess is firmAccess plus agreements, and anything out of reach answers 404 the same way.
export const GET: RequestHandler = async (event) => {
	const user = requireUser(event);
	const db = app().database.db;
	const access = await exportAccess(db, user.id, event.params.slug ?? '');
	const file = findExportFile(event.params.file ?? '');
	if (!access || !file || !mayExport(access.principal, file.kind)) error(404, m.common_error_not_found());
	const round = (await findReportRound(db, access.firm.id, event.params.roundId ?? '')) ?? error(404, m.common_error_not_found());
	const result = await exportRound(db, {
		firm: access.firm,
		round,
		file,
		// Only respondent-level files are logged, and those go to nobody but holders of a data agreement.
		actor: { userId: user.id, basis: 'agreement' },
		today: dayOf(),
		locale: uiLocale()
	});
	if (!result.ok) error(409, result.reason === 'removed' ? m.data_export_removed() : m.data_error_too_few({ k: result.threshold }));
	const body = typeof result.file.body === 'string' ? result.file.body : new Uint8Array(result.file.body);
	return new Response(body, {
		headers: {
			'content-type': result.file.contentType,
			'content-disposition': `attachment; filename="${result.file.name}"`,
			'cache-control': 'no-store'
		}
	});
};
