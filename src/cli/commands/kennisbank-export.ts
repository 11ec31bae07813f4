// `leerkompas kennisbank export MAP`: every published entry as the same Markdown file `kennisbank import` reads.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as m from '../../lib/paraglide/messages.js';
import { formatEntryFile } from '../../lib/server/knowledge/entry-file';
import { publishedEntries } from '../../lib/server/knowledge/published-entries';
import { defineCommand } from '../command';
import { withDatabase } from '../database';
import { reportStarterProblems } from './kennisbank-starter';

export const kennisbankExportCommand = defineCommand({
	path: ['kennisbank', 'export'],
	summary: () => m.cli_kennisbank_export_summary(),
	description: () => m.cli_kennisbank_export_description(),
	options: {},
	arguments: [{ name: () => m.cli_kennisbank_value_dir(), description: () => m.cli_kennisbank_arg_export_dir(), required: true }],
	async run(ctx, { args }) {
		const dir = resolve(args[0] ?? '');
		const entries = await withDatabase(ctx.config(), async ({ db }) => {
			await reportStarterProblems(ctx, db);
			return publishedEntries(db);
		});
		mkdirSync(dir, { recursive: true });
		for (const entry of entries) writeFileSync(join(dir, `${entry.slug}.md`), formatEntryFile(entry));
		ctx.io.stderr(m.cli_kennisbank_exported({ count: entries.length, dir }));
		return 0;
	}
});
