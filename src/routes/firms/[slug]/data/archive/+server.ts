import { error, type RequestHandler } from '@sveltejs/kit';
import { app } from '$lib/web/app';
import { requireFirm } from '$lib/web/guards';
import { firmArchive } from '$lib/server/data-rights/firm-archive';
import { dayOf } from '$lib/server/clock';
import { uiLocale } from '$lib/locale';
import * as m from '$lib/paraglide/messages';

export const GET: RequestHandler = async (event) => {
	const { firm } = await requireFirm(event, 'own');
	const archive = await firmArchive(app().database.db, { firmId: firm.id, today: dayOf(), locale: uiLocale(), about: m.data_archive_about() });
	if (!archive) error(404, m.common_error_not_found());
	return new Response(archive.body, {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="${archive.fileName}"`,
			'cache-control': 'no-store'
		}
	});
};
