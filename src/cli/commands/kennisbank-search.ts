// `leerkompas kennisbank search "WOORDEN" [--json] [--aspect …] …`: the same search as the page /knowledge.
import * as m from '../../lib/paraglide/messages.js';
import { FILTER_NAMES, FILTER_VALUES, type FilterName } from '../../lib/domain/knowledge/filters';
import { searchEntries } from '../../lib/server/knowledge/search-entries';
import { parseFilters, searchQuerySchema } from '../../lib/server/knowledge/search-entries.schema';
import { defineCommand, type OptionSpec } from '../command';
import { withDatabase } from '../database';
import { UsageError } from '../errors';
import { reportStarterProblems } from './kennisbank-starter';

const PATH = ['kennisbank', 'search'] as const;

const filterOption = (name: FilterName): OptionSpec => ({
	type: 'string',
	value: () => m.cli_kennisbank_value_id(),
	description: () => m.cli_kennisbank_option_filter({ values: FILTER_VALUES[name].join(', ') })
});

export const kennisbankSearchCommand = defineCommand({
	path: PATH,
	summary: () => m.cli_kennisbank_search_summary(),
	description: () => m.cli_kennisbank_search_description(),
	options: {
		json: { type: 'boolean', description: () => m.cli_kennisbank_option_json() },
		aspect: filterOption('aspect'),
		worry: filterOption('worry'),
		kind: filterOption('kind'),
		sector: filterOption('sector'),
		size: filterOption('size'),
		cost: filterOption('cost'),
		evidence: filterOption('evidence')
	},
	arguments: [{ name: () => m.cli_kennisbank_value_query(), description: () => m.cli_kennisbank_arg_query(), required: false }],
	async run(ctx, { options, args }) {
		const filters = parseFilters(options);
		// A value the filter does not know is a mistake to point out, not a filter to drop quietly.
		for (const name of FILTER_NAMES) {
			const given = options[name];
			if (given !== undefined && filters[name] === undefined)
				throw new UsageError(m.cli_kennisbank_unknown_value({ option: name, value: given, values: FILTER_VALUES[name].join(', ') }), PATH);
		}
		const query = searchQuerySchema.parse(args[0] ?? '');
		const result = await withDatabase(ctx.config(), async ({ db }) => {
			await reportStarterProblems(ctx, db);
			return searchEntries(db, query, filters);
		});
		if (options.json) {
			const results = result.hits.map(({ sectors, ...hit }) => ({ ...hit, sectors: sectors.length === 0 ? 'all' : sectors }));
			ctx.io.stdout(JSON.stringify({ query, filters, count: result.total, results, facets: result.facets }, null, 2));
			return 0;
		}
		ctx.io.stderr(m.cli_kennisbank_found({ count: result.total }));
		for (const hit of result.hits) ctx.io.stdout(`${hit.slug}\t${hit.title}`);
		return 0;
	}
});
