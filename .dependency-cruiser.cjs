// Dependency rules that keep the architecture as ARCHITECTURE.md describes it (`npm run lint` checks them):
// the domain stays pure, the shell below src/lib/server runs without SvelteKit's app modules (the CLI loads it
// under tsx), and folders do not lean on each other in a circle.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
	forbidden: [
		{
			name: 'domain-not-to-server',
			comment: 'src/lib/domain is the pure core: it computes figures from plain data and never reaches the shell.',
			severity: 'error',
			from: { path: '^src/lib/domain/' },
			to: { path: '^src/(lib/server|lib/web|routes|cli)/' }
		},
		{
			name: 'domain-not-to-sveltekit',
			comment: 'The domain runs the same in the web app, the CLI and the benchmarks, so no SvelteKit modules.',
			severity: 'error',
			from: { path: '^src/lib/domain/' },
			to: { path: ['^\\$(app|env|service-worker)/', '^node_modules/@sveltejs/', '^src/lib/paraglide/runtime'] }
		},
		{
			name: 'domain-no-node-io',
			comment:
				'The domain does no I/O: no Node built-in module at all, and of npm packages only the pure ones listed ' +
				'here (validation and statistics). Adding one to this list is a deliberate choice.',
			severity: 'error',
			from: { path: '^src/lib/domain/' },
			to: {
				dependencyTypes: ['core', 'npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'],
				pathNot: '^node_modules/(zod|jstat|simple-statistics)/'
			}
		},
		{
			name: 'server-not-to-app',
			comment:
				'src/lib/server is also loaded by the CLI under tsx, where $app/*, $env/* and the $lib alias do not ' +
				'exist: use relative imports and take what a request knows as arguments.',
			severity: 'error',
			from: { path: '^src/lib/server/' },
			to: { path: '^\\$(app|env|lib)/' }
		},
		{
			name: 'server-no-alias',
			comment: 'The $lib alias is SvelteKit\'s; below src/lib/server imports are relative (see CODE_STYLE.md).',
			severity: 'error',
			from: { path: '^src/lib/server/' },
			to: { dependencyTypes: ['aliased'] }
		},
		{
			name: 'server-not-to-web',
			comment:
				'src/lib/web is the HTTP layer (SvelteKit glue: guards, forms, the app\'s services): it calls the use cases ' +
				'in src/lib/server, never the other way round, so the use cases run the same under the CLI and in tests.',
			severity: 'error',
			from: { path: '^src/lib/server/' },
			to: { path: '^src/lib/web/' }
		},
		{
			name: 'cli-not-to-web',
			comment: 'The CLI runs under tsx without SvelteKit: it calls the use cases in src/lib/server directly.',
			severity: 'error',
			from: { path: '^src/cli/' },
			to: { path: '^src/lib/web/' }
		},
		{
			name: 'app-only-from-the-web-layer',
			comment:
				'The running app\'s services (web/app.ts: database, mailer, config, limits) are reached only by the web ' +
				'layer, the routes and the hooks; they hand what a use case needs in as arguments.',
			severity: 'error',
			from: { pathNot: '^src/(lib/web/|routes/|hooks\\.server\\.ts$)' },
			to: { path: '^src/lib/web/app\\.ts$' }
		},
		{
			name: 'no-folder-cycles',
			comment: 'Two folders that import each other are one tangle: move the shared part down, or merge them.',
			severity: 'error',
			scope: 'folder',
			from: { path: '^src/' },
			to: { circular: true }
		},
		{
			name: 'not-to-unresolvable',
			comment: 'An import that does not resolve is a typo or a package missing from package.json.',
			severity: 'error',
			from: {},
			// $app/*, $env/* and ./$types are made by SvelteKit at build time.
			to: { couldNotResolve: true, pathNot: ['^\\$(app|env|service-worker)/', '/\\$types$'] }
		}
	],
	options: {
		// Tests may reach across folders to set things up; the rules are about the product code.
		exclude: { path: ['\\.test\\.ts$', '^src/lib/paraglide/'] },
		doNotFollow: { path: 'node_modules' },
		tsPreCompilationDeps: true,
		webpackConfig: { fileName: '.dependency-cruiser-aliases.cjs' },
		enhancedResolveOptions: {
			exportsFields: ['exports'],
			conditionNames: ['import', 'require', 'node', 'default', 'types'],
			extensions: ['.ts', '.js', '.svelte', '.json'],
			mainFields: ['module', 'main', 'types']
		},
		reporterOptions: { text: { highlightFocused: true } }
	}
};
