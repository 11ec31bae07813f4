// `leerkompas network create`: a network (regional network, sector fund or programme), for admins.
import * as m from '../../lib/paraglide/messages.js';
import { createNetwork } from '../../lib/server/network/manage-network';
import { NETWORK_KINDS } from '../../lib/server/network/create-network.schema';
import { defineCommand } from '../command';
import { withDatabase } from '../database';
import { CliError, UsageError } from '../errors';

const PATH = ['network', 'create'] as const;

export const networkCreateCommand = defineCommand({
	path: PATH,
	summary: () => m.network_cli_create_summary(),
	description: () => m.network_cli_create_description(),
	options: {
		name: { type: 'string', value: () => m.cli_value_name(), description: () => m.network_cli_option_name(), required: true },
		slug: { type: 'string', value: () => m.cli_value_slug(), description: () => m.network_cli_option_slug(), required: true },
		kind: { type: 'string', value: () => m.network_cli_value_kind(), description: () => m.network_cli_option_kind(), default: 'regional', choices: NETWORK_KINDS }
	},
	arguments: [],
	async run(ctx, { options }) {
		const input = { name: options.name ?? '', slug: options.slug ?? '', kind: options.kind };
		const result = await withDatabase(ctx.config(), ({ db }) => createNetwork(db, input as Parameters<typeof createNetwork>[1]));
		if (!result.ok) {
			if (result.reason === 'slug_taken') throw new CliError(m.network_cli_error_slug_taken({ slug: input.slug }));
			throw new UsageError(m.network_cli_error_invalid({ fields: result.fields.map((f) => `--${f}`).join(', ') }), PATH);
		}
		ctx.io.stderr(m.network_cli_created({ name: result.network.name, slug: result.network.slug }));
		ctx.io.stdout(result.network.slug);
		return 0;
	}
});
