import { revokeAgreement } from '../../lib/server/export/agreements';
import * as m from '../../lib/paraglide/messages.js';
import { defineCommand } from '../command';
import { withDatabase } from '../database';
import { CliError } from '../errors';
import { agreementErrorText } from './agreement-add';

export const agreementRevokeCommand = defineCommand({
	path: ['agreement', 'revoke'],
	summary: () => m.data_cli_agreement_revoke_summary(),
	description: () => m.data_cli_agreement_revoke_description(),
	options: {
		firm: { type: 'string', value: () => m.cli_value_slug(), description: () => m.data_cli_option_org(), required: true, alias: 'org' },
		email: { type: 'string', value: () => m.data_cli_value_email(), description: () => m.data_cli_option_email(), required: true }
	},
	arguments: [],
	async run(ctx, { options }) {
		const input = { firm: options.firm ?? '', email: options.email ?? '' };
		const result = await withDatabase(ctx.config(), ({ db }) => revokeAgreement(db, { firmSlug: input.firm, email: input.email }));
		if (!result.ok) throw new CliError(agreementErrorText(result.reason, input));
		ctx.io.stderr(m.data_cli_agreement_revoked({ name: result.userName, firm: result.firmName }));
		return 0;
	}
});
