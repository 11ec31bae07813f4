// The knowledge-base commands load the starter set first, as the server does at start, and name its wrong files.
import * as m from '../../lib/paraglide/messages.js';
import type { Database } from '../../lib/server/db/client';
import { ensureStarterEntries } from '../../lib/server/knowledge/starter-entries';
import type { CommandContext } from '../command';

export async function reportStarterProblems(ctx: CommandContext, db: Database): Promise<void> {
	const report = await ensureStarterEntries(db);
	for (const { file, problems } of report.invalid) ctx.io.stderr(m.cli_kennisbank_file_invalid({ file, problems: problems.join('; ') }));
}
