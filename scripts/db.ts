/**
 * npm run db:migrate | db:seed [-- --places N] | db:reset
 * Works on the embedded database (default) and on PostgreSQL (DATABASE_URL / DATABASE_ADMIN_URL).
 */
import fs from 'node:fs';
import path from 'node:path';
import { configFromEnv, openDriver } from '../src/lib/server/platform/db/index';
import { migrate } from '../src/lib/server/platform/db/migrate';
import { isSeeded, seedDemoTown } from './seed/index';
import { seedSyntheticPlaces } from './seed/synthetic';
import { printDemoLogins } from './demo-logins';

const [command, ...args] = process.argv.slice(2);
const flag = (name: string) => {
	const i = args.indexOf(`--${name}`);
	return i >= 0 ? args[i + 1] : undefined;
};

async function main() {
	const config = configFromEnv();
	if (command === 'reset') {
		if (config.databaseUrl) throw new Error('db:reset only removes the embedded database; drop a server database yourself.');
		fs.rmSync(path.resolve(config.dataDir), { recursive: true, force: true });
	}
	const driver = await openDriver(config);
	try {
		const applied = await migrate(driver);
		console.log(`migrations: ${applied.length} applied`);
		if (command === 'seed' || command === 'reset' || command === 'setup') {
			const places = flag('places');
			if (places) {
				const n = Number(places.replace(/_/g, ''));
				if (!Number.isInteger(n) || n < 1) throw new Error(`--places needs a positive whole number, got ${places}`);
				const t0 = Date.now();
				await seedSyntheticPlaces(driver, n);
				console.log(`synthetic places: ${n} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
			} else if (!(await isSeeded(driver))) {
				await seedDemoTown(driver);
				console.log('demo town: ひだまり市 seeded');
			} else {
				console.log('demo town: already seeded');
			}
		}
		if (command === 'setup' || command === 'reset') printDemoLogins();
	} finally {
		await driver.close();
	}
}

main().catch((error) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
