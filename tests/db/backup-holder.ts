/**
 * A stand-in for the running app in backup.test.ts: holds an embedded database, answers backup
 * requests as the app does (services.ts), and writes a row every few milliseconds until stopped.
 * Usage: node --import tsx tests/db/backup-holder.ts DATA_DIR
 */
import { serveBackupRequests } from '../../src/lib/server/platform/db/live-backup';
import { openPglite } from '../../src/lib/server/platform/db/pglite';
import { asSystem } from '../../src/lib/server/platform/db/system';

const dataDir = process.argv[2];
const driver = await openPglite(dataDir);
serveBackupRequests(driver, dataDir);
let stopping = false;
process.on('SIGTERM', () => {
	stopping = true;
});
process.stdout.write('ready\n');
while (!stopping) {
	await asSystem(driver, (tx) => tx.query(`insert into private.rate_events (bucket, key_hash) values ('backup_test', 'k')`));
	await new Promise((resolve) => setTimeout(resolve, 5));
}
await driver.close();
