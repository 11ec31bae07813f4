// ESLint for the whole tree: no `any`, no unused code, Svelte's own rules. Formatting is left to the editor;
// these rules catch mistakes, not style. `npm run lint` runs this with the type check and the dependency rules.
// No type-aware rules: svelte-check already type-checks everything, and typed linting tripled the time of
// this step (about 20 s more on two cores) without finding anything on this code.
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{
		// Generated or built: not ours to lint.
		ignores: ['build/', '.svelte-kit/', 'src/lib/paraglide/', 'data/', 'node_modules/', 'test-results/', 'tmp/']
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.node } }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			globals: { ...globals.browser },
			parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'], svelteConfig }
		}
	},
	{
		// dependency-cruiser reads CommonJS configuration files.
		files: ['**/*.cjs'],
		languageOptions: { sourceType: 'commonjs' },
		rules: { '@typescript-eslint/no-require-imports': 'off' }
	},
	{
		rules: {
			'@typescript-eslint/no-explicit-any': 'error',
			// A leading underscore marks a parameter that a callback's signature demands but this code does not use.
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }
			],
			// resolve() only matters for an app served below a base path; Leerkompas is served at the root
			// (no paths.base), so it would add noise to every link and change nothing.
			'svelte/no-navigation-without-resolve': 'off'
		}
	}
);
