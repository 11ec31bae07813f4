import { runRetention } from '../../lib/server/data-rights/retention';
import { dayOf } from '../../lib/server/clock';
import * as m from '../../lib/paraglide/messages.js';
import { defineCommand } from '../command';
import { withDatabase } from '../database';

export const retentionRunCommand = defineCommand({
	path: ['retention', 'run'],
	summary: () => m.data_cli_retention_run_summary(),
	description: () => m.data_cli_retention_run_description(),
	options: {},
	arguments: [],
	async run(ctx) {
		const config = ctx.config();
		const result = await withDatabase(config, ({ db }) => runRetention(db, { today: dayOf(), months: config.LEERKOMPAS_RETENTION_MONTHS }));
		ctx.io.stdout(m.data_cli_retention_done({ cutoff: result.cutoff, responses: String(result.responses), rounds: String(result.rounds) }));
		return 0;
	}
});
