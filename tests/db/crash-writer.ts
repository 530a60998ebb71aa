/**
 * The embedded database under writes, for embedded-crash.test.ts: one row per transaction, and
 * each id printed only after its commit returned — what the app acknowledges to a user.
 * Usage: node --import tsx tests/db/crash-writer.ts DATA_DIR FIRST_ID
 */
import { openPglite } from '../../src/lib/server/platform/db/pglite';
import { asSystem } from '../../src/lib/server/platform/db/system';

const [dataDir, first] = process.argv.slice(2);
const driver = await openPglite(dataDir);
await asSystem(driver, (tx) => tx.exec(`create table if not exists public.crash_rows (id integer primary key, note text not null)`));
process.stdout.write('ready\n');
for (let id = Number(first); ; id++) {
	await asSystem(driver, (tx) => tx.query(`insert into public.crash_rows (id, note) values ($1, repeat('あ', 200))`, [id]));
	process.stdout.write(`${id}\n`);
}
