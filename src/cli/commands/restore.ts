import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { BackupError, restoreBackup } from '../../lib/server/backup/backup';
import * as m from '../../lib/paraglide/messages.js';
import { defineCommand } from '../command';
import { withDatabase } from '../database';
import { CliError } from '../errors';

export const restoreCommand = defineCommand({
	path: ['restore'],
	summary: () => m.cli_restore_summary(),
	description: () => m.cli_restore_description(),
	options: {
		force: { type: 'boolean', description: () => m.cli_restore_option_force() }
	},
	arguments: [{ name: () => m.cli_value_file(), description: () => m.cli_restore_arg_file(), required: true }],
	async run(ctx, { options, args }) {
		const file = resolve(args[0] ?? '');
		if (!existsSync(file)) throw new CliError(m.cli_restore_error_not_found({ file }));
		try {
			const summary = await withDatabase(ctx.config(), ({ db }) => restoreBackup(db, file, { force: options.force }));
			ctx.io.stdout(m.cli_restore_done({ file, rows: String(summary.rows), tables: String(summary.tables.length) }));
			return 0;
		} catch (e) {
			if (e instanceof BackupError) throw new CliError(restoreMessage(e, file));
			throw e;
		}
	}
});

function restoreMessage(e: BackupError, file: string): string {
	const versions = { backup: String(e.details.backup ?? '?'), current: String(e.details.current ?? '?') };
	const detail = e.details.detail ?? e.message;
	switch (e.code) {
		case 'not_found':
			return m.cli_restore_error_not_found({ file });
		case 'not_empty':
			return m.cli_restore_error_not_empty();
		case 'newer_version':
			return m.cli_restore_error_newer(versions);
		case 'older_version':
			return m.cli_restore_error_older(versions);
		case 'schema_mismatch':
			return m.cli_restore_error_schema({ detail });
		case 'bad_file':
		case 'file_exists':
		case 'no_directory':
			return m.cli_restore_error_bad_file({ file, detail });
	}
}
