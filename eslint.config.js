import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

/** The pure domain folders may not import Svelte, SvelteKit or Dexie (see README, architecture). */
const pureDomain = {
	files: ['src/lib/sts/**/*.ts', 'src/lib/quiz/**/*.ts', 'src/lib/content/**/*.ts'],
	rules: {
		'no-restricted-imports': [
			'error',
			{
				patterns: [
					{ group: ['svelte', 'svelte/*'], message: 'Domain code is plain TypeScript: no Svelte.' },
					{ group: ['$app/*', '@sveltejs/*'], message: 'Domain code may not import SvelteKit.' },
					{ group: ['dexie', '$lib/progress/*'], message: 'Domain code may not touch IndexedDB.' }
				]
			}
		]
	}
};

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			// The app is always served from the site root (no paths.base), so links need no resolve().
			'svelte/no-navigation-without-resolve': 'off',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	pureDomain,
	{
		ignores: [
			'build/',
			'build-next/',
			'.svelte-kit/',
			'node_modules/',
			'static/',
			'bench/',
			'test-results/',
			'playwright-report/'
		]
	}
);
