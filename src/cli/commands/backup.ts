import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { BackupError, createBackup } from '../../lib/server/backup/backup';
import * as m from '../../lib/paraglide/messages.js';
import { defineCommand } from '../command';
import { withDatabase } from '../database';
import { CliError } from '../errors';

export const backupCommand = defineCommand({
	path: ['backup'],
	summary: () => m.cli_backup_summary(),
	description: () => m.cli_backup_description(),
	options: {
		force: { type: 'boolean', description: () => m.cli_backup_option_force() }
	},
	arguments: [{ name: () => m.cli_value_file(), description: () => m.cli_backup_arg_file(), required: true }],
	async run(ctx, { options, args }) {
		const file = resolve(args[0] ?? '');
		// Checked before opening the database, so a typo fails at once instead of after the start-up.
		if (!existsSync(dirname(file))) throw new CliError(m.cli_backup_error_no_dir({ dir: dirname(file) }));
		if (!options.force && existsSync(file)) throw new CliError(m.cli_backup_error_exists({ file }));
		try {
			const summary = await withDatabase(ctx.config(), ({ db }) => createBackup(db, file, { overwrite: options.force }));
			ctx.io.stdout(m.cli_backup_done({ file, rows: String(summary.rows), tables: String(summary.tables.length) }));
			ctx.io.stderr(m.cli_backup_sensitive());
			return 0;
		} catch (e) {
			if (e instanceof BackupError && e.code === 'file_exists') throw new CliError(m.cli_backup_error_exists({ file }));
			if (e instanceof BackupError && e.code === 'no_directory') throw new CliError(m.cli_backup_error_no_dir({ dir: dirname(file) }));
			throw e;
		}
	}
});
