#!/usr/bin/env node
// The CLI shares its TypeScript with the server; tsx compiles it on load, so no build step is needed.
import { tsImport } from 'tsx/esm/api';

// `leerkompas codebook | head` closes the pipe early; that is not an error worth a stack trace.
process.stdout.on('error', (e) => {
	if (e.code === 'EPIPE') process.exit(0);
	throw e;
});

try {
	/** @type {{ main: (argv: string[]) => Promise<number> }} */
	const cli = await tsImport('../src/cli/main.ts', import.meta.url);
	process.exitCode = await cli.main(process.argv.slice(2));
} catch (e) {
	// main() reports its own errors; this is only reached when the program cannot even load.
	process.stderr.write(`Leerkompas: ${e instanceof Error ? e.message : String(e)}\n`);
	process.exitCode = 1;
}
