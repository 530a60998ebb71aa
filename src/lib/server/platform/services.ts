/**
 * The process-wide handles, opened once on first use: the database driver, the session adapter,
 * the mailer, the geocoder, photo storage and the key for signed links. Resources, not request
 * state: nothing user-specific is kept here. Scheduled work is not started here but by
 * `$lib/server/jobs` from hooks.server.ts.
 */
import { createAuth, type Auth } from './auth/index';
import { configFromEnv, openDriver, type Driver } from './db/index';
import { serveBackupRequests } from './db/live-backup';
import { migrate } from './db/migrate';
import { createGeocoder, type Geocoder } from './geocoder/index';
import { linkKey } from './links/keys';
import { createMailer, type Mailer } from './mail/index';
import { createStorage, type Storage } from './storage/index';

export interface Services {
	driver: Driver;
	auth: Auth;
	mailer: Mailer;
	geocoder: Geocoder;
	storage: Storage;
	linkKey: Uint8Array;
}

// Survives Vite's module reloads in dev, so the embedded database is opened only once.
const globalKey = Symbol.for('tsunagari-map.services');
type WithServices = typeof globalThis & { [globalKey]?: Promise<Services> };

async function open(): Promise<Services> {
	const config = configFromEnv();
	const driver = await openDriver(config);
	// The embedded database keeps itself current; a server is migrated on purpose (npm run db:migrate).
	if (driver.kind === 'pglite') await migrate(driver);
	// `npm run db:backup` asks the process that holds the embedded database (live-backup.ts).
	if (driver.kind === 'pglite') serveBackupRequests(driver, config.dataDir);
	process.once('sveltekit:shutdown', () => void driver.close());
	return {
		driver,
		auth: await createAuth(driver, process.env, config.dataDir),
		mailer: createMailer(driver),
		geocoder: createGeocoder(),
		storage: createStorage(),
		linkKey: linkKey()
	};
}

export function services(): Promise<Services> {
	const g = globalThis as WithServices;
	g[globalKey] ??= open();
	return g[globalKey];
}
