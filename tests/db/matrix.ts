/**
 * The RLS matrix harness: a table spec lists row variants and, per command, which actors are
 * allowed; runMatrix generates one test per variant × actor × command and checks the table
 * afterwards through the system path — not only what the statement returned.
 * Every feature adds its tables in its own tests/db/rls-*.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tx } from '../../src/lib/server/platform/db/index';
import { openTestDb, sqlState, type TestDb } from './helpers';
import { ACTORS, buildWorld, claimsOf as claimsAt, type Actor } from './world';

export type Op = 'select' | 'insert' | 'update' | 'delete';

export interface Variant {
	label: string;
	/** a row to select, update and delete; `keep` rows are restored instead of removed */
	create?: (sys: Tx) => Promise<{ key: string; keep?: boolean }>;
	/** an insert an actor attempts; `prepare` makes what the row needs, via the system path */
	insert?: (sys: Tx) => Promise<{ key: string; run: (tx: Tx) => Promise<unknown> }>;
	allow: Record<Op, Actor[]>;
}

export interface TableSpec {
	table: string;
	key: string;
	/** the column an update sets, and the value it sets it to */
	marker: [column: string, value: string];
	/** what a select reads, when some actor may read only some columns (default `*`) */
	columnsFor?: (actor: Actor) => string;
	variants: Variant[];
}

export const ALL = ACTORS;
export const NONE: Actor[] = [];
export const NOBODY: Record<Op, Actor[]> = { select: NONE, insert: NONE, update: NONE, delete: NONE };

/**
 * Registers the tests for these specs in the calling file; `setup` adds rows the specs need.
 * `aal` is the session level every actor acts at (case data is tested at aal2, where its
 * permissive policies matter; its aal1 refusal has tests of its own).
 */
export function runMatrix(specs: TableSpec[], setup?: (sys: Tx) => Promise<void>, aal: 'aal1' | 'aal2' = 'aal1') {
	let db: TestDb;
	const claimsOf = (actor: Actor) => claimsAt(actor, aal);
	beforeAll(async () => {
		db = await openTestDb();
		await db.system(buildWorld);
		if (setup) await db.system(setup);
	});
	afterAll(() => db?.close());

	const exists = (spec: TableSpec, key: string) =>
		db.system(async (tx) => (await tx.query(`select 1 from ${spec.table} where ${spec.key}::text = $1`, [key])).length === 1);

	const markerSet = (spec: TableSpec, key: string) =>
		db.system(
			async (tx) =>
				(await tx.query(`select 1 from ${spec.table} where ${spec.key}::text = $1 and ${spec.marker[0]}::text = $2`, [key, spec.marker[1]]))
					.length === 1
		);

	for (const spec of specs) {
		describe(spec.table, () => {
			for (const variant of spec.variants) {
				describe(variant.label, () => {
					for (const actor of ACTORS) {
						if (variant.create) {
							const create = variant.create;
							it(`select as ${actor}: ${variant.allow.select.includes(actor) ? 'visible' : 'hidden'}`, async () => {
								const { key, keep } = await db.system(create);
								let rows = 0;
								const state = await sqlState(async () => {
									rows = (
										await db.as(claimsOf(actor), (tx) =>
											tx.query(`select ${spec.columnsFor?.(actor) ?? '*'} from ${spec.table} where ${spec.key}::text = $1`, [key])
										)
									).length;
								});
								if (variant.allow.select.includes(actor)) {
									expect(state).toBeNull();
									expect(rows).toBe(1);
								} else {
									// hidden by a policy (no row) or refused outright (no grant)
									expect(state === '42501' || (state === null && rows === 0), `state ${state}, rows ${rows}`).toBe(true);
								}
								if (!keep) await db.system((tx) => tx.query(`delete from ${spec.table} where ${spec.key}::text = $1`, [key]));
							});

							it(`update as ${actor}: ${variant.allow.update.includes(actor) ? 'allowed' : 'denied'}`, async () => {
								const { key, keep } = await db.system(create);
								const [col, value] = spec.marker;
								const before = await db.system((tx) =>
									tx.query<{ v: string | null }>(`select ${col}::text as v from ${spec.table} where ${spec.key}::text = $1`, [key])
								);
								const state = await sqlState(() =>
									db.as(claimsOf(actor), (tx) =>
										tx.query(`update ${spec.table} set ${col} = $2 where ${spec.key}::text = $1`, [key, value])
									)
								);
								const changed = await markerSet(spec, key);
								if (variant.allow.update.includes(actor)) {
									expect(state).toBeNull();
									expect(changed).toBe(true);
								} else {
									expect(state === null || state === '42501', `state ${state}`).toBe(true);
									expect(changed).toBe(false);
								}
								await db.system((tx) =>
									keep
										? tx.query(`update ${spec.table} set ${col} = $2 where ${spec.key}::text = $1`, [key, before[0].v])
										: tx.query(`delete from ${spec.table} where ${spec.key}::text = $1`, [key])
								);
							});

							it(`delete as ${actor}: ${variant.allow.delete.includes(actor) ? 'allowed' : 'denied'}`, async () => {
								const { key, keep } = await db.system(create);
								const state = await sqlState(() =>
									db.as(claimsOf(actor), (tx) => tx.query(`delete from ${spec.table} where ${spec.key}::text = $1`, [key]))
								);
								const stillThere = await exists(spec, key);
								if (variant.allow.delete.includes(actor)) {
									expect(state).toBeNull();
									expect(stillThere).toBe(false);
								} else {
									expect(state === null || state === '42501', `state ${state}`).toBe(true);
									expect(stillThere).toBe(true);
								}
								if (!keep && stillThere) await db.system((tx) => tx.query(`delete from ${spec.table} where ${spec.key}::text = $1`, [key]));
							});
						}
						if (variant.insert) {
							const insert = variant.insert;
							it(`insert as ${actor}: ${variant.allow.insert.includes(actor) ? 'allowed' : 'denied'}`, async () => {
								const { key, run } = await db.system(insert);
								const state = await sqlState(() => db.as(claimsOf(actor), run));
								const created = await exists(spec, key);
								if (variant.allow.insert.includes(actor)) {
									expect(state).toBeNull();
									expect(created).toBe(true);
								} else {
									expect(state).toBe('42501');
									expect(created).toBe(false);
								}
								if (created) await db.system((tx) => tx.query(`delete from ${spec.table} where ${spec.key}::text = $1`, [key]));
							});
						}
					}
				});
			}
		});
	}
}
