// `leerkompas network report`: the network's latest snapshot as JSON (DESIGN.md's shape), stand-alone HTML
// or PDF. Like opening the coordinator's page, it first publishes a new snapshot if one is due.
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as m from '../../lib/paraglide/messages.js';
import { benchmarkView } from '../../lib/server/network/benchmark-view';
import { renderBenchmarkDocument } from '../../lib/server/network/benchmark-html';
import { renderBenchmarkPdf } from '../../lib/server/network/benchmark-pdf';
import { currentBenchmark } from '../../lib/server/network/current-benchmark';
import { findNetwork } from '../../lib/server/network/find-network';
import { labelledReport } from '../../lib/server/network/snapshot';
import { defineCommand } from '../command';
import { withDatabase } from '../database';
import { CliError, UsageError } from '../errors';

const PATH = ['network', 'report'] as const;
const FORMATS = ['json', 'html', 'pdf'] as const;

export const networkReportCommand = defineCommand({
	path: PATH,
	summary: () => m.network_cli_report_summary(),
	description: () => m.network_cli_report_description(),
	options: {
		network: { type: 'string', value: () => m.cli_value_slug(), description: () => m.network_cli_option_network(), required: true },
		format: { type: 'string', value: () => m.network_cli_value_format(), description: () => m.network_cli_option_format(), default: 'json', choices: FORMATS },
		out: { type: 'string', value: () => m.cli_value_file(), description: () => m.network_cli_option_out() }
	},
	arguments: [],
	async run(ctx, { options }) {
		const format = FORMATS.find((f) => f === options.format.trim().toLowerCase());
		if (!format) throw new UsageError(m.network_cli_error_format({ value: options.format }), PATH);
		if (format === 'pdf' && !options.out) throw new UsageError(m.network_cli_error_pdf_needs_out(), PATH);
		const file = options.out ? resolve(options.out) : null;
		if (file && !existsSync(dirname(file))) throw new CliError(m.network_cli_error_no_dir({ dir: dirname(file) }));
		if (file && existsSync(file)) throw new CliError(m.network_cli_error_file_exists({ file }));
		const slug = options.network ?? '';
		const config = ctx.config();
		const k = config.LEERKOMPAS_THRESHOLD;
		const found = await withDatabase(config, async ({ db }) => {
			const network = await findNetwork(db, slug);
			if (!network) throw new CliError(m.network_cli_error_network({ slug }));
			return { network, ...(await currentBenchmark(db, network, k)) };
		});
		const { network, snapshot, members } = found;
		let output: string | Uint8Array;
		if (format === 'json') {
			// Before the first snapshot: the network's shape with nothing counted, so scripts always get the same fields.
			const report = snapshot ? labelledReport(snapshot.report, ctx.locale) : { network: network.slug, threshold: k, firms: 0, aspects: [], groupings: [] };
			output = `${JSON.stringify(report, null, 2)}\n`;
		} else {
			const view = benchmarkView(network.name, snapshot, ctx.locale, members, k);
			output = format === 'html' ? renderBenchmarkDocument(view) : renderBenchmarkPdf(view);
		}
		if (file) {
			writeFileSync(file, output, { flag: 'wx' });
			ctx.io.stderr(m.network_cli_written({ file }));
		} else {
			ctx.io.stdout(typeof output === 'string' ? output.trimEnd() : '');
		}
		return 0;
	}
});
