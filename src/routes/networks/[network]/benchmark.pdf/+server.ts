import type { RequestHandler } from './$types';
import { app } from '$lib/web/app';
import { requireNetwork } from '$lib/web/guards';
import { uiLocale } from '$lib/locale';
import { currentBenchmark } from '$lib/server/network/current-benchmark';
import { benchmarkView } from '$lib/server/network/benchmark-view';
import { renderBenchmarkPdf } from '$lib/server/network/benchmark-pdf';
import { pdfResponse } from '$lib/server/pdf/typst';

export const GET: RequestHandler = async (event) => {
	const { network } = await requireNetwork(event);
	const k = app().config.LEERKOMPAS_THRESHOLD;
	const { snapshot, members } = await currentBenchmark(app().database.db, network, k);
	const pdf = renderBenchmarkPdf(benchmarkView(network.name, snapshot, uiLocale(), members, k));
	return pdfResponse(pdf, `${network.slug}-benchmark.pdf`, { inline: true });
};
