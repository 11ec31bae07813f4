// `leerkompas kennisbank import MAP [--force]`: entries from Markdown files, as new versions. An entry edited in
// the app is kept unless --force: an operator's folder should not silently undo an editor's work.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import * as m from '../../lib/paraglide/messages.js';
import { loadEntryFiles } from '../../lib/server/knowledge/load-entry-files';
import { defineCommand } from '../command';
import { withDatabase } from '../database';
import { CliError } from '../errors';
import { reportStarterProblems } from './kennisbank-starter';

export const kennisbankImportCommand = defineCommand({
	path: ['kennisbank', 'import'],
	summary: () => m.cli_kennisbank_import_summary(),
	description: () => m.cli_kennisbank_import_description(),
	options: {
		force: { type: 'boolean', description: () => m.cli_kennisbank_option_force() }
	},
	arguments: [{ name: () => m.cli_kennisbank_value_dir(), description: () => m.cli_kennisbank_arg_import_dir(), required: true }],
	async run(ctx, { options, args }) {
		const dir = resolve(args[0] ?? '');
		if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new CliError(m.cli_kennisbank_no_dir({ dir }));
		const report = await withDatabase(ctx.config(), async ({ db }) => {
			// The starter set first, so a file of the starter set and one imported are told apart in the history.
			await reportStarterProblems(ctx, db);
			return loadEntryFiles(db, dir, { source: 'import', force: options.force });
		});
		for (const { file } of report.skipped) ctx.io.stderr(m.cli_kennisbank_import_skipped({ file }));
		for (const { file, problems } of report.invalid) ctx.io.stderr(m.cli_kennisbank_file_invalid({ file, problems: problems.join('; ') }));
		ctx.io.stderr(m.cli_kennisbank_imported({ dir, added: report.added.length, updated: report.updated.length, unchanged: report.unchanged.length }));
		return report.invalid.length > 0 ? 1 : 0;
	}
});
