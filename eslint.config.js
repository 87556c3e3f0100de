// Lint for TypeScript and Svelte, with the import boundaries of the one-way architecture:
// the web app (src/) never imports pipelines/; the core (src/lib/core) imports nothing of the app,
// of SvelteKit or of pipelines, and only relatively, so the CLIs can run it under tsx; the CLIs,
// scripts and benchmark import the core and nothing else of src/. Formatting is Prettier's.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

const TESTS = ['**/*.test.ts', 'tests/**'];
const PIPELINES = {
	regex: '(^|/)pipelines/|^\\$pipelines',
	message: 'The web app never imports pipelines/: move what both need into src/lib/core.'
};
const APP = {
	regex: '^(\\$lib|\\$app|@sveltejs/kit)|/routes/|/lib/server/',
	message: 'The core imports nothing of the app or of SvelteKit, and imports the core relatively (the CLIs run it without aliases).'
};
const OUTSIDE_CORE = {
	regex: '^\\$lib/|(^|/)src/(routes/|lib/(?!core/))',
	message: 'CLIs, scripts and the benchmark import only the core (src/lib/core) of src/.'
};

export default ts.config(
	{ ignores: ['build/', '.svelte-kit/', 'node_modules/', 'test-results/', 'bench/out/', 'data/', 'notebooks/dist/', 'static/'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.node, ...globals.browser } },
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
			'@typescript-eslint/no-non-null-assertion': 'off',
			// The app has no paths.base: its links are same-origin absolute paths, which resolve() would return unchanged.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: { parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig } }
	},
	{ files: ['src/**'], ignores: TESTS, rules: { 'no-restricted-imports': ['error', { patterns: [PIPELINES] }] } },
	{ files: ['src/lib/core/**'], ignores: TESTS, rules: { 'no-restricted-imports': ['error', { patterns: [PIPELINES, APP] }] } },
	{
		files: ['pipelines/**', 'scripts/**', 'bench/**'],
		ignores: TESTS,
		rules: { 'no-restricted-imports': ['error', { patterns: [OUTSIDE_CORE] }] }
	}
);
