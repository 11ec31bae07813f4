// Runs after `npm install`: generates what the app, the CLI and the tests import but git does not track
// (SvelteKit's types and the compiled UI messages), so that a fresh clone works without a build step.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (!existsSync('node_modules/@inlang/paraglide-js')) process.exit(0); // production install without dev tools
execFileSync('npx', ['paraglide-js', 'compile', '--project', './project.inlang', '--outdir', './src/lib/paraglide', '--strategy', 'cookie', 'preferredLanguage', 'baseLocale'], { stdio: 'inherit' });
execFileSync('npx', ['svelte-kit', 'sync'], { stdio: 'inherit' });
