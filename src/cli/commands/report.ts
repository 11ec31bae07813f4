// `leerkompas report`: the report of a scan round as JSON, stand-alone HTML or PDF, the same one the
// owner sees in the app. Reading a report may publish a new version, exactly as opening the web page does.
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { buildDocument } from '../../lib/server/report/build-document';
import { renderReportDocument } from '../../lib/server/report/web/render-html';
import { findReportFirm, findReportRoundByName, reportRoundNames } from '../../lib/server/report/publish/report-round';
import { roundReport, servedReport, type RoundReport } from '../../lib/server/report/publish/round-report';
import { renderReportPdf } from '../../lib/server/report/pdf/render-report-pdf';
import { formatDay } from '../../lib/server/report/format';
import { dayOf } from '../../lib/server/clock';
import * as m from '../../lib/paraglide/messages.js';
import { defineCommand } from '../command';
import { withDatabase } from '../database';
import { publicOrigin } from '../../lib/server/config';
import { CliError, UsageError } from '../errors';

const PATH = ['report'] as const;
const FORMATS = ['json', 'html', 'pdf'] as const;
type Format = (typeof FORMATS)[number];

export const reportCommand = defineCommand({
	path: PATH,
	summary: () => m.report_cli_summary(),
	description: () => m.report_cli_description(),
	options: {
		firm: { type: 'string', value: () => m.report_cli_value_slug(), description: () => m.report_cli_option_org(), required: true, alias: 'org' },
		round: { type: 'string', value: () => m.report_cli_value_round(), description: () => m.report_cli_option_round(), required: true },
		compare: { type: 'string', value: () => m.report_cli_value_round(), description: () => m.change_cli_option_compare() },
		format: { type: 'string', value: () => m.report_cli_value_format(), description: () => m.report_cli_option_format(), default: 'json', choices: FORMATS },
		out: { type: 'string', value: () => m.report_cli_value_file(), description: () => m.report_cli_option_out() },
		force: { type: 'boolean', description: () => m.report_cli_option_force() }
	},
	arguments: [],
	async run(ctx, { options }) {
		// Everything that can be checked without the database is checked first: quick, and possible while the server runs.
		const format = FORMATS.find((f) => f === options.format.trim().toLowerCase());
		if (!format) throw new UsageError(m.report_cli_error_format({ value: options.format }), PATH);
		if (format === 'pdf' && !options.out) throw new UsageError(m.report_cli_error_pdf_needs_out(), PATH);
		const file = options.out ? resolve(options.out) : null;
		if (file && !existsSync(dirname(file))) throw new CliError(m.report_cli_error_no_dir({ dir: dirname(file) }));
		if (file && !options.force && existsSync(file)) throw new CliError(m.report_cli_error_exists({ file }));
		const slug = options.firm ?? '';
		const roundName = options.round ?? '';

		const view = await withDatabase(ctx.config(), async ({ db }) => {
			const firm = await findReportFirm(db, slug);
			if (!firm) throw new CliError(m.report_cli_error_org({ value: slug }));
			const round = await findReportRoundByName(db, firm.id, roundName);
			if (!round) {
				const names = await reportRoundNames(db, firm.id);
				const list = names.length > 0 ? ` ${m.report_cli_error_round_list({ list: names.join(', ') })}` : '';
				throw new CliError(`${m.report_cli_error_round({ org: firm.slug, value: roundName })}${list}`);
			}
			const compare = options.compare === undefined ? null : { name: options.compare.trim() };
			const view = await roundReport(db, firm.name, round, { today: dayOf(), locale: ctx.locale, compare, networks: true });
			if (view.comparison.refused) {
				const choices = view.comparison.choices.map((r) => r.name);
				const list = choices.length > 0 ? m.change_cli_error_compare_list({ list: choices.join(', ') }) : m.change_cli_error_compare_none();
				throw new CliError(`${m.change_cli_error_compare({ value: options.compare ?? '', org: firm.slug })} ${list}`);
			}
			return view;
		});

		ctx.io.stderr(versionLine(view, ctx.locale));
		const output = render(view, format, ctx.locale, publicOrigin(ctx.config()));
		if (file) {
			writeFileSync(file, output);
			ctx.io.stderr(m.report_cli_written({ file }));
		} else {
			ctx.io.stdout(typeof output === 'string' ? output.trimEnd() : '');
		}
		return 0;
	}
});

function render(view: RoundReport, format: Format, locale: 'nl' | 'en', origin: string): string | Uint8Array {
	switch (format) {
		case 'json':
			return `${JSON.stringify(servedReport(view), null, 2)}\n`;
		case 'html':
			return renderReportDocument(buildDocument(view, locale, { origin }));
		case 'pdf':
			return renderReportPdf(buildDocument(view, locale, { origin }));
	}
}

function versionLine(view: RoundReport, locale: 'nl' | 'en'): string {
	if (!view.version) return m.report_cli_no_version({ k: view.report.threshold });
	return m.report_cli_version({
		version: view.version.number,
		date: formatDay(view.version.publishedOn, locale),
		count: view.report.respondents.employee
	});
}
