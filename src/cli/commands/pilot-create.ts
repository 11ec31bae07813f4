// `leerkompas pilot create`: a pilot in a network, as DESIGN.md ("Networks") fixes the command.
import { createPilot } from '../../lib/server/pilot/create-pilot';
import { findNetwork } from '../../lib/server/network/find-network';
import type { CreatePilotInput } from '../../lib/server/pilot/create-pilot.schema';
import { createPilotErrorTexts } from '../../lib/server/pilot/pilot-errors';
import * as m from '../../lib/paraglide/messages.js';
import { defineCommand } from '../command';
import { withDatabase } from '../database';
import { CliError, UsageError } from '../errors';

const PATH = ['pilot', 'create'] as const;

export const pilotCreateCommand = defineCommand({
	path: PATH,
	summary: () => m.pilot_cli_create_summary(),
	description: () => m.pilot_cli_create_description(),
	options: {
		network: { type: 'string', value: () => m.pilot_cli_value_slug(), description: () => m.pilot_cli_option_network(), required: true },
		name: { type: 'string', value: () => m.pilot_cli_value_name(), description: () => m.pilot_cli_option_name(), required: true },
		slug: { type: 'string', value: () => m.pilot_cli_value_slug(), description: () => m.pilot_cli_option_slug(), required: true },
		entry: { type: 'string', value: () => m.pilot_cli_value_slug(), description: () => m.pilot_cli_option_entry() }
	},
	arguments: [],
	async run(ctx, { options }) {
		const input: CreatePilotInput = { name: options.name ?? '', slug: options.slug, entry: options.entry };
		const result = await withDatabase(ctx.config(), async ({ db }) => {
			const network = await findNetwork(db, options.network ?? '');
			if (!network) throw new CliError(m.pilot_cli_error_network({ value: options.network ?? '' }));
			return createPilot(db, network.id, input);
		});
		if (!result.ok) throw new UsageError(Object.values(createPilotErrorTexts(result.errors, input)).join('\n'), PATH);
		ctx.io.stderr(m.pilot_cli_created({ name: result.pilot.name }));
		ctx.io.stdout(result.pilot.slug);
		return 0;
	}
});
