/**
 * The process-wide handles: one database driver and one session adapter, opened on first use.
 * (A resource, not request state: nothing user-specific is kept here.)
 */
import { createAuth, type Auth } from './auth/index';
import { configFromEnv, openDriver, type Driver } from './db/index';
import { migrate } from './db/migrate';
import { ensureOccurrences } from '../places/occurrences';
import { createMailer } from './mail/index';
import { linkKey } from './links/keys';
import { sweepHostRequests } from '../participation/host-link';
import { sendDueReminders } from '../registration/freshness';

export interface Services {
	driver: Driver;
	auth: Auth;
}

// Survives Vite's module reloads in dev, so the embedded database is opened only once.
const globalKey = Symbol.for('tsunagari-map.services');
type WithServices = typeof globalThis & { [globalKey]?: Promise<Services> };

async function open(): Promise<Services> {
	const config = configFromEnv();
	const driver = await openDriver(config);
	// The embedded database keeps itself current; a server is migrated on purpose (npm run db:migrate).
	if (driver.kind === 'pglite') await migrate(driver);
	// Background job: keep the expanded schedule dates a day ahead of the calendar.
	await ensureOccurrences(driver, new Date());
	// …and ask organisations to confirm listings that are due (needs ORIGIN for the links).
	const hourly = async () => {
		await ensureOccurrences(driver, new Date());
		if (process.env.ORIGIN) {
			const jobs = { driver, mailer: createMailer(driver), linkKey: linkKey(), origin: process.env.ORIGIN };
			await sendDueReminders({ ...jobs, locale: 'ja' });
			// 参加支援: remind hosts who have not answered in 3 days, expire requests after 7
			await sweepHostRequests(jobs);
		}
	};
	const timer = setInterval(() => void hourly().catch(console.error), 3_600_000);
	timer.unref();
	process.once('sveltekit:shutdown', () => {
		clearInterval(timer);
		void driver.close();
	});
	return { driver, auth: await createAuth(driver, process.env, config.dataDir) };
}

export function services(): Promise<Services> {
	const g = globalThis as WithServices;
	g[globalKey] ??= open();
	return g[globalKey];
}
