import { codebook, codebookMarkdown, currentInstrumentVersion, instrumentVersions, loadInstrument } from '../../lib/domain/instrument';
import * as m from '../../lib/paraglide/messages.js';
import { defineCommand } from '../command';

// Needs no database: the codebook is the instrument itself, the same text as docs/codebook.md.
export const codebookCommand = defineCommand({
	path: ['codebook'],
	summary: () => m.cli_codebook_summary(),
	description: () => m.cli_codebook_description(),
	options: {
		json: { type: 'boolean', description: () => m.cli_codebook_option_json() },
		version: { type: 'string', value: () => 'VERSIE', description: () => m.cli_codebook_option_version(), default: currentInstrumentVersion, choices: instrumentVersions }
	},
	arguments: [],
	async run(ctx, { options }) {
		if (!instrumentVersions.includes(options.version)) {
			ctx.io.stderr(m.cli_codebook_unknown_version({ version: options.version, versions: instrumentVersions.join(', ') }));
			return 2;
		}
		const instrument = loadInstrument(options.version);
		ctx.io.stdout(options.json ? JSON.stringify(codebook(instrument), null, 2) : codebookMarkdown(instrument));
		return 0;
	}
});
