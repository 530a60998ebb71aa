import { paraglideVitePlugin } from '@inlang/paraglide-js';
import tailwindcss from '@tailwindcss/vite';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

const dbProjects = [
	{ name: 'db-pglite', env: { TEST_DB: 'pglite' } },
	// The PostgreSQL run exists only when a server is given (scripts/test.sh starts one).
	...(process.env.TEST_DATABASE_URL ? [{ name: 'db-postgres', env: { TEST_DB: 'postgres' } }] : []),
	// A database shaped like a fresh Supabase project's (tests/db/supabase-shape.sql), when given.
	...(process.env.TEST_SUPABASE_URL ? [{ name: 'db-supabase', env: { TEST_DB: 'supabase' } }] : [])
];

export default defineConfig({
	plugins: [
		tailwindcss(),
		sveltekit(),
		// Under vitest the messages are compiled beforehand (npm run i18n:compile): the plugin keeps
		// the process alive for ~10 s after the tests end.
		...(process.env.VITEST
			? []
			: [
					paraglideVitePlugin({
						project: './project.inlang',
						outdir: './src/lib/paraglide',
						emitTsDeclarations: true,
						strategy: ['url', 'cookie', 'baseLocale']
					})
				])
	],
	ssr: {
		// rrule 2.8.1 ships ESM only through the legacy "module" field.
		noExternal: ['rrule']
	},
	test: {
		expect: { requireAssertions: true },
		projects: [
			{
				extends: './vite.config.ts',
				test: {
					name: 'unit',
					environment: 'node',
					include: ['src/**/*.test.ts']
				}
			},
			...dbProjects.map((p) => ({
				extends: './vite.config.ts',
				test: {
					name: p.name,
					environment: 'node',
					include: ['tests/db/**/*.test.ts'],
					// about the embedded database alone: run once, with PGlite
					exclude: p.name === 'db-pglite' ? [] : ['tests/db/embedded-crash.test.ts'],
					env: p.env,
					globalSetup: ['tests/db/global-setup.ts'],
					testTimeout: 60_000,
					hookTimeout: 120_000,
					// PGlite is ~1 GB per instance; two files at a time fit on two cores.
					maxWorkers: 2
				}
			}))
		]
	}
});
