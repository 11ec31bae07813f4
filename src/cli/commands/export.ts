// `leerkompas export`: the same exports as the web pages, for the platform operator. The operator already
// holds the whole database, so --level respondents gives the research data set (with background); the
// anonymity threshold still applies, and every respondent-level export is written to the firm's log.
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { eq } from 'drizzle-orm';
import { firm } from '../../lib/server/db/schema';
import { findExportFile } from '../../lib/server/export/export-files';
import { exportRound } from '../../lib/server/export/export-round';
import { findReportRoundByName } from '../../lib/server/report/publish/report-round';
import { dayOf } from '../../lib/server/clock';
import * as m from '../../lib/paraglide/messages.js';
import { defineCommand } from '../command';
import { withDatabase } from '../database';
import { CliError, UsageError } from '../errors';

const PATH = ['export'] as const;
const FORMATS = ['csv', 'csv-nl', 'sav'] as const;
const LEVELS = ['report', 'respondents'] as const;

export const exportCommand = defineCommand({
	path: PATH,
	summary: () => m.data_cli_export_summary(),
	description: () => m.data_cli_export_description(),
	options: {
		firm: { type: 'string', value: () => m.cli_value_slug(), description: () => m.data_cli_option_org(), required: true, alias: 'org' },
		round: { type: 'string', value: () => m.cli_value_name(), description: () => m.data_cli_option_round(), required: true },
		format: { type: 'string', value: () => m.data_cli_value_format(), description: () => m.data_cli_option_format(), required: true, choices: FORMATS },
		level: { type: 'string', value: () => m.data_cli_value_level(), description: () => m.data_cli_option_level(), choices: LEVELS },
		out: { type: 'string', value: () => m.cli_value_file(), description: () => m.data_cli_option_out(), required: true },
		force: { type: 'boolean', description: () => m.data_cli_option_force() }
	},
	arguments: [],
	async run(ctx, { options }) {
		// Required options are always present after parsing (args.ts); '' only satisfies the type.
		const firmSlug = options.firm ?? '';
		const roundName = options.round ?? '';
		const format = (options.format ?? '').trim().toLowerCase();
		if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(m.data_cli_error_format({ value: options.format ?? '' }), PATH);
		const level = (options.level ?? (format === 'sav' ? 'respondents' : 'report')).trim().toLowerCase();
		if (!(LEVELS as readonly string[]).includes(level)) throw new UsageError(m.data_cli_error_level({ value: options.level ?? '' }), PATH);
		if (format === 'sav' && level === 'report') throw new UsageError(m.data_cli_error_sav_report(), PATH);
		const out = resolve(options.out ?? '');
		// Checked before opening the database, so a typo fails at once.
		if (!existsSync(dirname(out))) throw new CliError(m.data_cli_error_no_dir({ dir: dirname(out) }));
		if (!options.force && existsSync(out)) throw new CliError(m.data_cli_error_exists({ file: out }));
		const base = level === 'report' ? 'report' : 'research';
		const file = findExportFile(format === 'csv-nl' ? `${base}-nl.csv` : `${base}.${format}`);
		if (!file) throw new UsageError(m.data_cli_error_format({ value: format }), PATH);

		const result = await withDatabase(ctx.config(), async ({ db }) => {
			const slug = firmSlug.trim().toLowerCase();
			const [found] = await db.select().from(firm).where(eq(firm.slug, slug)).limit(1);
			if (!found) throw new CliError(m.data_cli_error_firm({ slug: firmSlug }));
			const round = await findReportRoundByName(db, found.id, roundName);
			if (!round) throw new CliError(m.data_cli_error_round({ firm: found.name, round: roundName }));
			return exportRound(db, { firm: found, round, file, actor: { userId: null, basis: 'cli' }, today: dayOf(), locale: ctx.locale });
		});
		if (!result.ok) throw new CliError(result.reason === 'removed' ? m.data_cli_error_removed() : m.data_cli_error_too_few({ k: String(result.threshold) }));
		await writeFile(out, result.file.body);
		ctx.io.stderr(
			result.file.respondents === null
				? m.data_cli_export_done({ file: out })
				: m.data_cli_export_done_respondents({ file: out, count: String(result.file.respondents) })
		);
		return 0;
	}
});
