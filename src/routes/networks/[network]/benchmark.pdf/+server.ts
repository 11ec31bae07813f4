import type { RequestHandler } from './$types';
import { app } from '$lib/web/app';
import { requireNetwork } from '$lib/web/guards';
import { getLocale } from '$lib/paraglide/runtime';
import { currentBenchmark } from '$lib/server/network/current-benchmark';
import { benchmarkView } from '$lib/server/network/benchmark-view';
import { renderBenchmarkPdf } from '$lib/server/network/benchmark-pdf';
import { pdfResponse } from '$lib/server/pdf/typst';

export const GET: RequestHandler = async (event) => {
	const { network } = await requireNetwork(event);
	const k = app().config.LEERKOMPAS_THRESHOLD;
	const { snapshot, members } = await currentBenchmark(app().database.db, network, k);
	const pdf = renderBenchmarkPdf(benchmarkView(network.name, snapshot, getLocale(), members, k));
	return pdfResponse(pdf, `${network.slug}-benchmark.pdf`, { inline: true });
};
