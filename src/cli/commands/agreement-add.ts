import { addAgreement, type AgreementError } from '../../lib/server/export/agreements';
import * as m from '../../lib/paraglide/messages.js';
import { defineCommand } from '../command';
import { withDatabase } from '../database';
import { CliError } from '../errors';

export const agreementAddCommand = defineCommand({
	path: ['agreement', 'add'],
	summary: () => m.data_cli_agreement_add_summary(),
	description: () => m.data_cli_agreement_add_description(),
	options: {
		firm: { type: 'string', value: () => m.cli_value_slug(), description: () => m.data_cli_option_org(), required: true, alias: 'org' },
		email: { type: 'string', value: () => m.data_cli_value_email(), description: () => m.data_cli_option_email(), required: true },
		by: { type: 'string', value: () => m.data_cli_value_email(), description: () => m.data_cli_option_by(), required: true }
	},
	arguments: [],
	async run(ctx, { options }) {
		// Required options are always present after parsing (args.ts); '' only satisfies the type.
		const input = { firm: options.firm ?? '', email: options.email ?? '', by: options.by ?? '' };
		const result = await withDatabase(ctx.config(), ({ db }) => addAgreement(db, { firmSlug: input.firm, email: input.email, recordedByEmail: input.by }));
		if (!result.ok) throw new CliError(agreementErrorText(result.reason, input));
		ctx.io.stderr(m.data_cli_agreement_added({ name: result.userName, firm: result.firmName }));
		return 0;
	}
});

export function agreementErrorText(reason: AgreementError, options: { firm: string; email: string; by?: string }): string {
	switch (reason) {
		case 'firm_not_found':
			return m.data_cli_error_firm({ slug: options.firm });
		case 'user_not_found':
			return m.data_cli_agreement_error_user({ email: options.email });
		case 'recorder_not_admin':
			return m.data_cli_agreement_error_admin({ email: options.by ?? '' });
		case 'already_active':
			return m.data_cli_agreement_error_active({ email: options.email });
		case 'not_active':
			return m.data_cli_agreement_error_not_active({ email: options.email });
	}
}
