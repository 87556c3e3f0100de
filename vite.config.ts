import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		// Test names and files: `npm test` (scripts/run-tests.ts) builds first, then runs both.
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['src/**/*.test.ts', 'pipelines/**/*.test.ts', 'bench/**/*.test.ts'],
					environment: 'node',
					// Many tests create and query real DuckDB files.
					testTimeout: 60_000,
					hookTimeout: 120_000
				}
			},
			{
				extends: true,
				test: {
					name: 'e2e',
					include: ['tests/**/*.test.ts'],
					environment: 'node',
					// One warehouse + one built server per run (tests/global-setup.ts), one browser per file.
					globalSetup: ['tests/global-setup.ts'],
					testTimeout: 120_000,
					hookTimeout: 300_000,
					fileParallelism: false,
					maxWorkers: 1
				}
			}
		]
	}
});
