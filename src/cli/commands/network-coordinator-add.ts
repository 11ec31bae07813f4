// `leerkompas network coordinator add`: an existing account coordinates a network.
import * as m from '../../lib/paraglide/messages.js';
import { addCoordinator } from '../../lib/server/network/manage-network';
import { defineCommand } from '../command';
import { withDatabase } from '../database';
import { CliError } from '../errors';

export const networkCoordinatorAddCommand = defineCommand({
	path: ['network', 'coordinator', 'add'],
	summary: () => m.network_cli_coordinator_add_summary(),
	description: () => m.network_cli_coordinator_add_description(),
	options: {
		network: { type: 'string', value: () => m.cli_value_slug(), description: () => m.network_cli_option_network(), required: true },
		email: { type: 'string', value: () => m.data_cli_value_email(), description: () => m.network_cli_option_email(), required: true }
	},
	arguments: [],
	async run(ctx, { options }) {
		const input = { networkSlug: options.network ?? '', email: options.email ?? '' };
		const result = await withDatabase(ctx.config(), ({ db }) => addCoordinator(db, input));
		if (!result.ok) {
			if (result.reason === 'network_not_found') throw new CliError(m.network_cli_error_network({ slug: input.networkSlug }));
			throw new CliError(m.network_cli_error_user({ email: input.email }));
		}
		ctx.io.stderr(result.changed ? m.network_cli_coordinator_added({ name: result.name }) : m.network_cli_coordinator_already({ name: result.name }));
		return 0;
	}
});
