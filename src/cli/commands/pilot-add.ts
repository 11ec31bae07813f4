// `leerkompas pilot add`: a firm of the network in an arm with its round before, or (again for the same
// firm) its round after. Rounds are named as in `report --round`: by their name within that firm.
import { addPilotFirm } from '../../lib/server/pilot/pilot-firms';
import { findPilot } from '../../lib/server/pilot/create-pilot';
import { findNetwork } from '../../lib/server/network/find-network';
import { PILOT_ARMS } from '../../lib/server/db/schema/pilot';
import { addPilotFirmErrorText } from '../../lib/server/pilot/pilot-errors';
import { findReportFirm, findReportRoundByName, reportRoundNames } from '../../lib/server/report/publish/report-round';
import type { Database } from '../../lib/server/db/client';
import * as m from '../../lib/paraglide/messages.js';
import { defineCommand } from '../command';
import { withDatabase } from '../database';
import { CliError, UsageError } from '../errors';

const PATH = ['pilot', 'add'] as const;

export const pilotAddCommand = defineCommand({
	path: PATH,
	summary: () => m.pilot_cli_add_summary(),
	description: () => m.pilot_cli_add_description(),
	options: {
		network: { type: 'string', value: () => m.pilot_cli_value_slug(), description: () => m.pilot_cli_option_network(), required: true },
		pilot: { type: 'string', value: () => m.pilot_cli_value_slug(), description: () => m.pilot_cli_option_pilot(), required: true },
		firm: { type: 'string', value: () => m.pilot_cli_value_slug(), description: () => m.pilot_cli_option_org(), required: true, alias: 'org' },
		arm: { type: 'string', value: () => m.pilot_cli_value_arm(), description: () => m.pilot_cli_option_arm(), required: true, choices: PILOT_ARMS },
		before: { type: 'string', value: () => m.pilot_cli_value_round(), description: () => m.pilot_cli_option_before(), required: true },
		after: { type: 'string', value: () => m.pilot_cli_value_round(), description: () => m.pilot_cli_option_after() }
	},
	arguments: [],
	async run(ctx, { options }) {
		const arm = PILOT_ARMS.find((a) => a === (options.arm ?? '').trim().toLowerCase());
		if (!arm) throw new UsageError(m.pilot_cli_error_arm({ value: options.arm ?? '' }), PATH);
		const outcome = await withDatabase(ctx.config(), async ({ db }) => {
			const network = await findNetwork(db, options.network ?? '');
			if (!network) throw new CliError(m.pilot_cli_error_network({ value: options.network ?? '' }));
			const pilot = await findPilot(db, network.id, options.pilot ?? '');
			if (!pilot) throw new CliError(m.pilot_cli_error_pilot({ value: options.pilot ?? '' }));
			const firm = await findReportFirm(db, options.firm ?? '');
			if (!firm) throw new CliError(m.pilot_cli_error_org({ value: options.firm ?? '' }));
			const before = await roundId(db, firm, options.before ?? '');
			const after = options.after === undefined ? null : await roundId(db, firm, options.after);
			const result = await addPilotFirm(db, { pilotId: pilot.id, networkId: network.id }, { firm: firm.id, arm, before, after });
			return { result, firm };
		});
		if (!outcome.result.ok) throw new CliError(addPilotFirmErrorText(outcome.result.error));
		ctx.io.stderr(outcome.result.updated ? m.pilot_cli_updated({ firm: outcome.firm.name }) : m.pilot_cli_added({ firm: outcome.firm.name, arm: arm === 'pilot' ? m.pilot_arm_pilot() : m.pilot_arm_comparison() }));
		return 0;
	}
});

async function roundId(db: Database, firm: { id: string; slug: string }, name: string): Promise<string> {
	const round = await findReportRoundByName(db, firm.id, name);
	if (round) return round.id;
	const names = await reportRoundNames(db, firm.id);
	const list = names.length > 0 ? ` ${m.report_cli_error_round_list({ list: names.join(', ') })}` : '';
	throw new CliError(`${m.pilot_cli_error_round({ org: firm.slug, value: name })}${list}`);
}
