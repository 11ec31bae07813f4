import { publicOrigin } from '../../lib/server/config';
import { createAdminSetupToken, hasAdmin } from '../../lib/server/admin/setup-token';
import * as m from '../../lib/paraglide/messages.js';
import { defineCommand } from '../command';
import { withDatabase } from '../database';

export const createAdminCommand = defineCommand({
	path: ['create-admin'],
	summary: () => m.cli_create_admin_summary(),
	description: () => m.cli_create_admin_description(),
	options: {},
	arguments: [],
	async run(ctx) {
		const config = ctx.config();
		const { token, existing } = await withDatabase(config, async ({ db }) => ({
			existing: await hasAdmin(db),
			token: await createAdminSetupToken(db)
		}));
		// Explanations go to stderr, the link alone to stdout, so `url=$(leerkompas create-admin)` works.
		ctx.io.stderr(m.cli_create_admin_done());
		if (existing) ctx.io.stderr(m.cli_create_admin_exists());
		ctx.io.stdout(`${publicOrigin(config).replace(/\/+$/, '')}/setup/${token}`);
		return 0;
	}
});
