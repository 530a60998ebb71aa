import { defineConfig } from '@playwright/test';

// E2E_PORT lets two checkouts run their suites side by side
const PORT = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	timeout: 60_000,
	reporter: process.env.CI ? 'line' : 'list',
	webServer: {
		// the production build on a fresh embedded database with the demo town
		command: `npm run build && PGLITE_DATA_DIR=.data/e2e/pglite npx tsx scripts/db.ts reset && PGLITE_DATA_DIR=.data/e2e/pglite REQUEST_LOG=off PORT=${PORT} ORIGIN=http://localhost:${PORT} BODY_SIZE_LIMIT=10M node build`,
		url: `http://localhost:${PORT}/`,
		reuseExistingServer: false,
		timeout: 300_000,
		stdout: 'pipe'
	},
	use: {
		baseURL: `http://localhost:${PORT}`,
		browserName: 'chromium',
		locale: 'ja-JP',
		timezoneId: 'Asia/Tokyo',
		launchOptions: {
			executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-dev-shm-usage',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	}
});
