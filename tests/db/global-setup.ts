/**
 * Builds one migrated database with the demo town, once per run; each test file then gets
 * its own copy (helpers.ts): a copied PGlite data directory, or a PostgreSQL database
 * created from a template.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPglite } from '../../src/lib/server/platform/db/pglite';
import { openPostgres } from '../../src/lib/server/platform/db/postgres';
import { migrate } from '../../src/lib/server/platform/db/migrate';
import { seedDemoTown } from '../../scripts/seed/index';
import { TEMPLATE_DB, TEST_TODAY, withDatabase, withUser } from './config';

declare module 'vitest' {
	export interface ProvidedContext {
		pgliteTemplate: string;
		postgresTemplate: string;
	}
}

/** The template is rebuilt when anything that shapes it changes. */
function sourceHash(): string {
	const files = [
		...fs.readdirSync('supabase/migrations').map((f) => path.join('supabase/migrations', f)),
		'src/lib/server/platform/db/baseline.sql',
		...fs.readdirSync('scripts/seed').map((f) => path.join('scripts/seed', f))
	].sort();
	const h = crypto.createHash('sha256');
	for (const f of files) h.update(f).update(fs.readFileSync(f));
	return h.digest('hex').slice(0, 16);
}

export default async function setup(project: TestProject) {
	if (project.name === 'db-postgres' || project.name === 'db-supabase') {
		const supabase = project.name === 'db-supabase';
		const url = supabase ? process.env.TEST_SUPABASE_URL! : process.env.TEST_DATABASE_URL!;
		const admin = new pg.Client({ connectionString: url });
		await admin.connect();
		await admin.query(`drop database if exists ${TEMPLATE_DB} with (force)`);
		await admin.query(`create database ${TEMPLATE_DB}`);
		await admin.end();
		const templateUrl = withDatabase(url, TEMPLATE_DB);
		if (supabase) {
			// prepared as a fresh project is, by its superuser; from here on postgres (no superuser) owns our schema
			const shape = new pg.Client({ connectionString: templateUrl });
			await shape.connect();
			await shape.query(fs.readFileSync('tests/db/supabase-shape.sql', 'utf8'));
			await shape.end();
		}
		const ownerUrl = supabase ? withUser(templateUrl, 'postgres') : templateUrl;
		const driver = openPostgres(ownerUrl, ownerUrl);
		await migrate(driver);
		await seedDemoTown(driver, TEST_TODAY);
		await driver.close();
		project.provide('postgresTemplate', url);
		project.provide('pgliteTemplate', '');
		return;
	}
	const dir = path.resolve(`.data/test-template-${sourceHash()}`);
	if (!fs.existsSync(path.join(dir, 'ready'))) {
		fs.mkdirSync('.data', { recursive: true });
		for (const old of fs.readdirSync('.data', { withFileTypes: true }).filter((d) => d.name.startsWith('test-template-')))
			fs.rmSync(path.join('.data', old.name), { recursive: true, force: true });
		const driver = await openPglite(path.join(dir, 'pgdata'));
		await migrate(driver);
		await seedDemoTown(driver, TEST_TODAY);
		await driver.close();
		fs.writeFileSync(path.join(dir, 'ready'), new Date().toISOString());
	}
	project.provide('pgliteTemplate', path.join(dir, 'pgdata'));
	project.provide('postgresTemplate', '');
}
