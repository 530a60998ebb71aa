/**
 * The RLS matrix of the zero-result count (issue 10 item 1): moderators and tenant admins of the
 * town read it; nobody writes it directly — residents add to it only through
 * public.count_search_miss (tests/db/search.test.ts).
 */
import crypto from 'node:crypto';
import type { Tx } from '../../src/lib/server/platform/db/index';
import { NONE, runMatrix, type TableSpec } from './matrix';
import { TOWN_A, TOWN_B, type Actor } from './world';

/** A keyword the table accepts: letters only (it refuses digits). */
const keyword = () => [...crypto.randomBytes(8)].map((b) => String.fromCharCode(0x61 + (b % 26))).join('');

const miss = (muni: string) => async (sys: Tx) => {
	const key = keyword();
	await sys.query(`insert into public.search_misses (municipality_id, day, query) values ($1, current_date, $2)`, [muni, key]);
	return { key };
};
const insertMiss = (muni: string) => async () => {
	const key = keyword();
	return {
		key,
		run: (tx: Tx) => tx.query(`insert into public.search_misses (municipality_id, day, query) values ($1, current_date, $2)`, [muni, key])
	};
};

const STAFF_A: Actor[] = ['moderator', 'tenantAdmin'];

const SPECS: TableSpec[] = [
	{
		table: 'public.search_misses',
		key: 'query',
		marker: ['count', '99'],
		variants: [
			{
				label: 'a miss in town A',
				create: miss(TOWN_A),
				insert: insertMiss(TOWN_A),
				allow: { select: STAFF_A, insert: NONE, update: NONE, delete: NONE }
			},
			{
				label: 'a miss in town B',
				create: miss(TOWN_B),
				insert: insertMiss(TOWN_B),
				allow: { select: ['foreignModerator'], insert: NONE, update: NONE, delete: NONE }
			}
		]
	}
];

runMatrix(SPECS);
