/**
 * npm run doctor: connects to the database the app would use (DATABASE_ADMIN_URL / DATABASE_URL,
 * or the embedded one) and says, in Japanese and English, what is unsafe. Exit status 1 when
 * something must be fixed; 0 when there is nothing, or only something to confirm elsewhere.
 */
import { configFromEnv, openDriver } from '../src/lib/server/platform/db/index';
import { diagnose, doctorReport } from '../src/lib/server/platform/db/doctor';
import { pendingMigrations } from '../src/lib/server/platform/db/migrate';
import { asSystem } from '../src/lib/server/platform/db/system';

async function main(): Promise<number> {
	const config = configFromEnv();
	let driver;
	try {
		driver = await openDriver(config);
		await driver.transaction((tx) => tx.query('select 1'));
	} catch {
		console.log(doctorReport({ reachable: false, findings: [], pending: [] }));
		return 1;
	}
	try {
		const findings = await asSystem(driver, diagnose);
		const pending = await pendingMigrations(driver);
		console.log(doctorReport({ reachable: true, findings, pending }));
		return findings.some((f) => f.level === 'unsafe') || pending.length > 0 ? 1 : 0;
	} finally {
		await driver.close();
	}
}

main().then(
	(code) => process.exit(code),
	(error) => {
		console.error(error instanceof Error ? error.message : error);
		process.exit(1);
	}
);
