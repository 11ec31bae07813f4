// `leerkompas network annual`: a network's annual report for one year, as stand-alone HTML or PDF, the same
// document its coordinators see at /networks/SLUG/annual/YEAR.
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { yearSchema } from '../../lib/domain/annual/talk';
import { buildAnnualReport } from '../../lib/server/annual/build-annual-report';
import { findNetwork } from '../../lib/server/network/find-network';
import { renderReportDocument } from '../../lib/server/report/web/render-html';
import { renderReportPdf } from '../../lib/server/report/pdf/render-report-pdf';
import { dayOf } from '../../lib/server/clock';
import * as m from '../../lib/paraglide/messages.js';
import { defineCommand } from '../command';
import { withDatabase } from '../database';
import { CliError, UsageError } from '../errors';

const PATH = ['network', 'annual'] as const;
const FORMATS = ['html', 'pdf'] as const;

export const networkAnnualCommand = defineCommand({
	path: PATH,
	summary: () => m.annual_cli_summary(),
	description: () => m.annual_cli_description(),
	options: {
		network: { type: 'string', value: () => 'SLUG', description: () => m.annual_cli_option_network(), required: true },
		year: { type: 'string', value: () => 'YYYY', description: () => m.annual_cli_option_year(), required: true },
		format: { type: 'string', value: () => 'html|pdf', description: () => m.annual_cli_option_format(), default: 'html', choices: FORMATS },
		out: { type: 'string', value: () => m.report_cli_value_file(), description: () => m.report_cli_option_out() },
		force: { type: 'boolean', description: () => m.report_cli_option_force() }
	},
	arguments: [],
	async run(ctx, { options }) {
		const format = FORMATS.find((f) => f === options.format.trim().toLowerCase());
		if (!format) throw new UsageError(m.annual_cli_error_format({ value: options.format }), PATH);
		const year = yearSchema.safeParse(options.year);
		if (!year.success) throw new UsageError(m.annual_cli_error_year({ value: options.year ?? '' }), PATH);
		if (format === 'pdf' && !options.out) throw new UsageError(m.report_cli_error_pdf_needs_out(), PATH);
		const file = options.out ? resolve(options.out) : null;
		if (file && !existsSync(dirname(file))) throw new CliError(m.report_cli_error_no_dir({ dir: dirname(file) }));
		if (file && !options.force && existsSync(file)) throw new CliError(m.report_cli_error_exists({ file }));
		const slug = (options.network ?? '').trim();
		const config = ctx.config();

		const doc = await withDatabase(config, async ({ db }) => {
			const found = await findNetwork(db, slug);
			if (!found) throw new CliError(m.annual_cli_error_network({ value: slug }));
			return buildAnnualReport(db, { network: found, year: year.data, locale: ctx.locale, threshold: config.LEERKOMPAS_THRESHOLD, today: dayOf() });
		});
		const output = format === 'pdf' ? renderReportPdf(doc) : renderReportDocument(doc);
		if (file) {
			writeFileSync(file, output);
			ctx.io.stderr(m.report_cli_written({ file }));
		} else {
			ctx.io.stdout(typeof output === 'string' ? output.trimEnd() : '');
		}
		return 0;
	}
});
