// `leerkompas import`: answers from paper or another tool into a round, all or nothing.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as m from '../../lib/paraglide/messages.js';
import { loadInstrument } from '../../lib/domain/instrument/load';
import { importProblemText } from '../../lib/server/scan/import/import-problems';
import { importResponses } from '../../lib/server/scan/import/import-responses';
import { decodeCsvBytes } from '../../lib/server/scan/import/import-responses.schema';
import { findFirmBySlug } from '../../lib/server/scan/rounds/firm-by-slug';
import { roundErrorText } from '../../lib/server/scan/rounds/round-errors';
import { dayOf } from '../../lib/server/clock';
import { defineCommand } from '../command';
import { describeError, withDatabase } from '../database';
import { CliError, UsageError } from '../errors';

const PATH = ['import'] as const;

export const importCommand = defineCommand({
	path: PATH,
	summary: () => m.scan_cli_import_summary(),
	description: () => m.scan_cli_import_description(),
	options: {
		firm: { type: 'string', value: () => m.cli_value_slug(), description: () => m.scan_cli_option_org(), required: true, alias: 'org' },
		round: { type: 'string', value: () => m.cli_value_name(), description: () => m.scan_cli_option_round(), required: true }
	},
	arguments: [{ name: () => m.cli_value_file(), description: () => m.scan_cli_arg_csv(), required: true }],
	async run(ctx, { options, args }) {
		const file = resolve(args[0] ?? '');
		let bytes: Uint8Array;
		try {
			bytes = readFileSync(file);
		} catch (e) {
			throw new CliError(m.scan_cli_error_read_file({ file, message: describeError(e) }));
		}
		const csv = decodeCsvBytes(bytes);
		if (csv === null) throw new CliError(m.scan_import_not_text());

		const config = ctx.config();
		const result = await withDatabase(config, async ({ db }) => {
			const firm = await findFirmBySlug(db, options.firm ?? '');
			if (!firm) throw new CliError(m.scan_cli_error_org_unknown({ slug: options.firm ?? '' }));
			return importResponses(db, { firm, input: { roundName: options.round ?? '', csv }, threshold: config.LEERKOMPAS_THRESHOLD, today: dayOf() });
		});

		if (result.ok) {
			if (result.createdRound) ctx.io.stderr(m.scan_cli_import_round_created({ round: result.round.name }));
			const { employee, owner } = result.imported;
			ctx.io.stdout(m.scan_cli_import_done({ count: employee + owner, round: result.round.name, employee, owner }));
			return 0;
		}
		switch (result.reason) {
			case 'invalid_round':
				throw new UsageError(m.scan_cli_error_field({ option: '--round', message: roundErrorText('name', result.errors.name ?? 'invalid', ctx.locale) }), PATH);
			case 'round_closed':
				throw new CliError(m.scan_import_round_closed({ round: result.round.name }));
			case 'round_collected':
				throw new CliError(m.scan_import_round_collected({ round: result.round.name }));
			case 'problems': {
				const instrument = loadInstrument(result.instrumentVersion);
				const lines = result.problems.map((problem) => {
					const { where, text } = importProblemText(problem, instrument, ctx.locale);
					return `  ${where}: ${text}`;
				});
				throw new CliError([m.scan_import_failed(), ...lines].join('\n'));
			}
		}
	}
});
