// `leerkompas kennisbank list [--json]`: the published entries, for scripts of networks and researchers.
import * as m from '../../lib/paraglide/messages.js';
import { publishedEntries } from '../../lib/server/knowledge/published-entries';
import { publishedVersionNumbers } from '../../lib/server/knowledge/read-entry';
import { defineCommand } from '../command';
import { withDatabase } from '../database';
import { reportStarterProblems } from './kennisbank-starter';

export const kennisbankListCommand = defineCommand({
	path: ['kennisbank', 'list'],
	summary: () => m.cli_kennisbank_list_summary(),
	description: () => m.cli_kennisbank_list_description(),
	options: {
		json: { type: 'boolean', description: () => m.cli_kennisbank_option_json() }
	},
	arguments: [],
	async run(ctx, { options }) {
		const { entries, versions } = await withDatabase(ctx.config(), async ({ db }) => {
			await reportStarterProblems(ctx, db);
			return { entries: await publishedEntries(db), versions: await publishedVersionNumbers(db) };
		});
		if (options.json) ctx.io.stdout(JSON.stringify(entries.map((entry) => ({ ...entry, version: versions.get(entry.slug) ?? null })), null, 2));
		else for (const entry of entries) ctx.io.stdout(`${entry.slug}\t${entry.kind}\t${entry.title}`);
		return 0;
	}
});
