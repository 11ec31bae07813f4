// `leerkompas pilot evaluate`: the pilot's published evaluation as JSON (domain/network pilotEvaluationSchema).
// Asking may publish a new version, exactly as opening the pilot's page does.
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { findPilot } from '../../lib/server/pilot/create-pilot';
import { evaluatePilotNow } from '../../lib/server/pilot/evaluation';
import { findNetwork } from '../../lib/server/network/find-network';
import { evaluatePilot } from '../../lib/domain/pilot/evaluate';
import { dayOf } from '../../lib/server/clock';
import * as m from '../../lib/paraglide/messages.js';
import { defineCommand } from '../command';
import { withDatabase } from '../database';
import { CliError, UsageError } from '../errors';

const PATH = ['pilot', 'evaluate'] as const;
const FORMATS = ['json'] as const;

export const pilotEvaluateCommand = defineCommand({
	path: PATH,
	summary: () => m.pilot_cli_evaluate_summary(),
	description: () => m.pilot_cli_evaluate_description(),
	options: {
		network: { type: 'string', value: () => m.pilot_cli_value_slug(), description: () => m.pilot_cli_option_network(), required: true },
		pilot: { type: 'string', value: () => m.pilot_cli_value_slug(), description: () => m.pilot_cli_option_pilot(), required: true },
		format: { type: 'string', value: () => m.pilot_cli_value_format(), description: () => m.pilot_cli_option_format(), default: 'json', choices: FORMATS },
		out: { type: 'string', value: () => m.pilot_cli_value_file(), description: () => m.pilot_cli_option_out() }
	},
	arguments: [],
	async run(ctx, { options }) {
		if (options.format.trim().toLowerCase() !== 'json') throw new UsageError(m.pilot_cli_error_format({ value: options.format }), PATH);
		const file = options.out ? resolve(options.out) : null;
		if (file && !existsSync(dirname(file))) throw new CliError(m.pilot_cli_error_no_dir({ dir: dirname(file) }));
		const k = ctx.config().LEERKOMPAS_THRESHOLD;
		const { pilotSlug, state } = await withDatabase(ctx.config(), async ({ db }) => {
			const network = await findNetwork(db, options.network ?? '');
			if (!network) throw new CliError(m.pilot_cli_error_network({ value: options.network ?? '' }));
			const pilot = await findPilot(db, network.id, options.pilot ?? '');
			if (!pilot) throw new CliError(m.pilot_cli_error_pilot({ value: options.pilot ?? '' }));
			return { pilotSlug: pilot.slug, state: await evaluatePilotNow(db, { id: pilot.id, slug: pilot.slug, networkId: network.id }, { today: dayOf(), k }) };
		});
		if (state.latest) ctx.io.stderr(m.pilot_cli_version({ version: state.latest.version, date: state.latest.publishedOn }));
		// Before any evaluation exists there is nothing published: every figure null, every count 0.
		const evaluation = state.latest?.evaluation ?? state.counts ?? evaluatePilot({ pilot: pilotSlug, k, firms: [] });
		const output = `${JSON.stringify(evaluation, null, 2)}\n`;
		if (file) {
			writeFileSync(file, output);
			ctx.io.stderr(m.pilot_cli_written({ file }));
		} else ctx.io.stdout(output.trimEnd());
		return 0;
	}
});
