// `leerkompas network add`: puts a firm in a network on consent given on paper (basis 'paper', by 'cli').
import * as m from '../../lib/paraglide/messages.js';
import { addFirmOnPaper } from '../../lib/server/network/manage-network';
import { defineCommand } from '../command';
import { withDatabase } from '../database';
import { CliError } from '../errors';

export const networkAddCommand = defineCommand({
	path: ['network', 'add'],
	summary: () => m.network_cli_add_summary(),
	description: () => m.network_cli_add_description(),
	options: {
		network: { type: 'string', value: () => m.cli_value_slug(), description: () => m.network_cli_option_network(), required: true },
		firm: { type: 'string', value: () => m.cli_value_slug(), description: () => m.network_cli_option_org(), required: true, alias: 'org' }
	},
	arguments: [],
	async run(ctx, { options }) {
		const input = { networkSlug: options.network ?? '', firmSlug: options.firm ?? '', recordedBy: 'cli' };
		const result = await withDatabase(ctx.config(), ({ db }) => addFirmOnPaper(db, input));
		if (!result.ok) {
			if (result.reason === 'network_not_found') throw new CliError(m.network_cli_error_network({ slug: input.networkSlug }));
			throw new CliError(m.network_cli_error_firm({ slug: input.firmSlug }));
		}
		ctx.io.stderr(result.changed ? m.network_cli_added({ firm: result.name }) : m.network_cli_already_member({ firm: result.name }));
		return 0;
	}
});
