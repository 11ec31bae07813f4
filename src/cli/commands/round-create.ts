// `leerkompas round create`: the same use case as the web form, for scripts and admins.
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as m from '../../lib/paraglide/messages.js';
import { cardSheetPdf } from '../../lib/server/scan/cards/card-sheet';
import { roundCardCodes } from '../../lib/server/scan/cards/card-codes';
import { createRound } from '../../lib/server/scan/rounds/create-round';
import { parseCreateRoundInput, type CreateRoundErrorCode, type CreateRoundErrors, type CreateRoundField, type CreateRoundInput } from '../../lib/server/scan/rounds/create-round.schema';
import { findFirmBySlug } from '../../lib/server/scan/rounds/firm-by-slug';
import { formatDay } from '../../lib/server/scan/rounds/format-day';
import { cardEntryUrl, shortUrl, surveyUrl } from '../../lib/server/scan/rounds/links';
import { roundErrorText } from '../../lib/server/scan/rounds/round-errors';
import { dayOf } from '../../lib/server/clock';
import { publicOrigin } from '../../lib/server/config';
import type { AppLocale } from '../../lib/domain/instrument';
import { defineCommand } from '../command';
import { withDatabase } from '../database';
import { CliError, UsageError } from '../errors';

const PATH = ['round', 'create'] as const;

const OPTION_OF: Record<CreateRoundField, string> = {
	name: '--name',
	opensOn: '--opens',
	closesOn: '--closes',
	invited: '--invited',
	teams: '--teams',
	inviteMode: '--cards',
	cards: '--cards',
	openAnswersVerbatim: '--verbatim',
	followups: '--ask-about'
};

export const roundCreateCommand = defineCommand({
	path: PATH,
	summary: () => m.scan_cli_round_create_summary(),
	description: () => m.scan_cli_round_create_description(),
	options: {
		firm: { type: 'string', value: () => m.cli_value_slug(), description: () => m.scan_cli_option_org(), required: true, alias: 'org' },
		name: { type: 'string', value: () => m.cli_value_name(), description: () => m.scan_cli_option_name(), required: true },
		cards: { type: 'string', value: () => m.cli_value_number(), description: () => m.scan_cli_option_cards() },
		out: { type: 'string', value: () => m.cli_value_file(), description: () => m.scan_cli_option_out() },
		opens: { type: 'string', value: () => m.scan_cli_value_date(), description: () => m.scan_cli_option_opens() },
		closes: { type: 'string', value: () => m.scan_cli_value_date(), description: () => m.scan_cli_option_closes() },
		invited: { type: 'string', value: () => m.cli_value_number(), description: () => m.scan_cli_option_invited() },
		teams: { type: 'string', value: () => m.scan_cli_value_list(), description: () => m.scan_cli_option_teams() },
		verbatim: { type: 'boolean', description: () => m.scan_cli_option_verbatim() },
		'ask-about': { type: 'string', value: () => m.followup_cli_value_ids(), description: () => m.followup_cli_option_ask_about() }
	},
	arguments: [],
	async run(ctx, { options }) {
		const today = dayOf();
		const input: CreateRoundInput = {
			name: options.name ?? '',
			opensOn: options.opens,
			closesOn: options.closes,
			invited: options.invited,
			teams: options.teams,
			inviteMode: options.cards === undefined ? 'link' : 'cards',
			cards: options.cards,
			openAnswersVerbatim: options.verbatim,
			followups: options['ask-about']
		};
		// Checked before the database is opened: quick, and possible while the server runs. The staff bound
		// on --invited needs the firm, so it is checked again by the use case.
		const checked = parseCreateRoundInput(input, { employees: Number.MAX_SAFE_INTEGER, today });
		if (!checked.ok) throw new UsageError(errorText(checked.errors, ctx.locale), PATH);
		if (options.out !== undefined && options.cards === undefined) throw new UsageError(m.scan_cli_error_cards_without_count(), PATH);
		const sheetFile = checked.data.cards > 0 ? resolve(options.out ?? `kaartjes-${checked.data.name.replace(/[^\p{L}\p{N}._-]+/gu, '-')}.pdf`) : undefined;
		if (sheetFile && !existsSync(dirname(sheetFile))) throw new CliError(m.scan_cli_error_no_dir({ dir: dirname(sheetFile) }));
		if (sheetFile && existsSync(sheetFile)) throw new CliError(m.scan_cli_error_file_exists({ file: sheetFile }));

		const config = ctx.config();
		const origin = publicOrigin(config).replace(/\/+$/, '');
		const done = await withDatabase(config, async ({ db }) => {
			const firm = await findFirmBySlug(db, options.firm ?? '');
			if (!firm) throw new CliError(m.scan_cli_error_org_unknown({ slug: options.firm ?? '' }));
			const result = await createRound(db, { firm, input, threshold: config.LEERKOMPAS_THRESHOLD, today });
			if (!result.ok) throw new UsageError(errorText(result.errors, ctx.locale), PATH);
			const codes = result.round.inviteMode === 'cards' ? await roundCardCodes(db, result.round.id) : [];
			return { firm, round: result.round, codes };
		});

		const { firm, round, codes } = done;
		ctx.io.stderr(m.scan_cli_round_created({ name: round.name, firm: firm.name, closesOn: formatDay(round.closesOn, ctx.locale) }));
		if (firm.employees < round.threshold) ctx.io.stderr(m.scan_small_firm({ k: round.threshold }));
		if (sheetFile) {
			const { pdf } = await cardSheetPdf({ firmName: firm.name, roundName: round.name, origin, codes, locale: ctx.locale });
			writeFileSync(sheetFile, pdf, { flag: 'wx' });
			ctx.io.stderr(m.scan_cli_round_cards_written({ count: codes.length, file: sheetFile }));
			ctx.io.stdout(cardEntryUrl(origin));
		} else {
			ctx.io.stderr(m.scan_cli_round_short_link({ url: shortUrl(origin, round.shortCode) }));
			ctx.io.stdout(surveyUrl(origin, round.linkToken));
		}
		return 0;
	}
});

function errorText(errors: CreateRoundErrors, locale: AppLocale): string {
	return (Object.entries(errors) as [CreateRoundField, CreateRoundErrorCode][])
		.map(([field, code]) => m.scan_cli_error_field({ option: OPTION_OF[field], message: roundErrorText(field, code, locale) }))
		.join('\n');
}
