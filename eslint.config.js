// Lint gate (npm run lint, --max-warnings 0): typescript-eslint with type information, Svelte,
// and the layer rules of ARCHITECTURE.md (platform imports no feature; domain imports no server,
// UI or routes). Every rule turned off below says why.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

const FEATURES = ['places', 'registration', 'participation', 'casework'];

export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'.data/',
			'src/lib/paraglide/',
			'test-results/',
			'playwright-report/',
			'bench/results/',
			'bench/map/dist/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: {
			globals: { ...globals.browser, ...globals.node },
			parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname, extraFileExtensions: ['.svelte'] }
		},
		rules: {
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
			// TypeScript reports undefined names with type information; this rule cannot see Svelte's and DOM types
			'no-undef': 'off',
			// Japanese text and the patterns that fold it use the ideographic space (U+3000) on purpose
			'no-irregular-whitespace': [
				'error',
				{ skipStrings: true, skipComments: true, skipRegExps: true, skipTemplates: true, skipJSXText: true }
			],
			// links go through paraglide's localizeHref (which adds /en); the app has no base path for resolve() to add
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: { parserOptions: { parser: ts.parser, svelteConfig } }
	},
	{
		// plain JavaScript config files are outside the TypeScript project
		files: ['**/*.js', '**/*.mjs'],
		...ts.configs.disableTypeChecked
	},
	// ── layers ─────────────────────────────────────────────────────────────────────────────
	{
		files: ['src/lib/domain/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['$lib/server/*', '$lib/components/*', '$app/*', '**/server/**', '**/components/**', '**/routes/**'],
							message: 'domain code is pure: no server, UI or routes'
						}
					]
				}
			]
		}
	},
	{
		files: ['src/lib/domain/shared/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['$lib/server/*', '$lib/components/*', '$app/*', '**/server/**', '**/components/**', '**/routes/**'],
							message: 'domain code is pure: no server, UI or routes'
						},
						{
							group: FEATURES.flatMap((f) => [`$lib/domain/${f}/*`, `../${f}/*`, `../../${f}/*`]),
							message: 'shared domain code imports no feature'
						}
					]
				}
			]
		}
	},
	{
		files: ['src/lib/server/platform/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: [
								...FEATURES.flatMap((f) => [`$lib/server/${f}/*`, `$lib/domain/${f}/*`, `**/server/${f}/**`, `**/domain/${f}/**`]),
								'$lib/server/jobs',
								'**/server/jobs'
							],
							message: 'the platform imports no feature'
						},
						{ group: ['$lib/components/*', '**/components/**', '**/routes/**'], message: 'the platform imports no UI' }
					]
				}
			]
		}
	},
	{
		files: ['src/lib/i18n/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['$lib/server/*', '$lib/components/*', '**/server/**', '**/components/**'],
							message: 'labels and formatting import no server or UI code'
						}
					]
				}
			]
		}
	}
);
