/**
 * The RLS matrix of the 参加支援 back office (schema casework): every actor × command, allowed and
 * denied, at aal2 — where the permissive policies decide. (At aal1 everything is refused; see
 * participation.test.ts.) Only the municipality's coordinators work with participants; a real
 * name is for the assigned coordinators; the access log is read by tenant admins and never edited.
 */
import crypto from 'node:crypto';
import type { Tx } from '../../src/lib/server/platform/db/index';
import { demoId } from '../../scripts/seed/random';
import { NONE, NOBODY, runMatrix, type TableSpec } from './matrix';
import { TOWN_A, TOWN_B, USERS, type Actor } from './world';

const uuid = () => crypto.randomUUID();
const COORDINATOR: Actor[] = ['coordinator'];
/** A second coordinator of town A: not an actor, only someone to assign. */
export const COLLEAGUE = demoId('test:user:colleague-coordinator');
let openingA = '';
let openingB = '';

async function setup(sys: Tx) {
	[{ id: openingA }] = await sys.query<{ id: string }>('select id from public.openings where municipality_id = $1 order by id limit 1', [
		TOWN_A
	]);
	await sys.query(`insert into auth.users (id, email, email_confirmed_at) values ($1, 'colleague@test.example', now())`, [COLLEAGUE]);
	await sys.query(
		`insert into public.memberships (user_id, organization_id, municipality_id, role)
		 select $1, id, municipality_id, 'coordinator' from public.organizations where municipality_id = $2 and kind = 'shakyo'`,
		[COLLEAGUE, TOWN_A]
	);
	const [{ id: placeB }] = await sys.query<{ id: string }>(
		`insert into public.places (municipality_id, organization_id, name, category, status)
		 select municipality_id, id, 'となりの場', 'ibasho', 'published' from public.organizations where municipality_id = $1 returning id`,
		[TOWN_B]
	);
	[{ id: openingB }] = await sys.query<{ id: string }>(
		`insert into public.openings (municipality_id, organization_id, place_id, title, dtstart, schedule_note, capacity)
		 select municipality_id, organization_id, id, '受付', '2026-04-01', '不定期', 2 from public.places where id = $1 returning id`,
		[placeB]
	);
}

async function newParticipant(sys: Tx, town: string, assign: string[] = []): Promise<string> {
	const id = uuid();
	await sys.query(`insert into casework.participants (id, municipality_id, code, age_band) values ($1, $2, $3, '30s')`, [
		id,
		town,
		`T-${id.slice(0, 8)}`
	]);
	for (const user of assign)
		await sys.query('insert into casework.participant_coordinators (participant_id, municipality_id, user_id) values ($1, $2, $3)', [
			id,
			town,
			user
		]);
	return id;
}

async function newPlacement(sys: Tx, town: string): Promise<string> {
	const participant = await newParticipant(sys, town);
	const [{ id }] = await sys.query<{ id: string }>(
		`insert into casework.placements (municipality_id, participant_id, opening_id, organization_id, opening_title)
		 values ($1, $2, $3, $1, '') returning id`,
		[town, participant, town === TOWN_A ? openingA : openingB]
	);
	return id;
}

const townOf = (label: 'A' | 'B') => (label === 'A' ? TOWN_A : TOWN_B);

const SPECS: TableSpec[] = [
	{
		table: 'casework.participants',
		key: 'id',
		marker: ['notes', 'マーカー'],
		variants: [
			{
				label: 'a participant of town A, assigned to the coordinator',
				allow: { select: COORDINATOR, insert: COORDINATOR, update: COORDINATOR, delete: COORDINATOR },
				create: async (sys) => ({ key: await newParticipant(sys, TOWN_A, [USERS.coordinator]) }),
				insert: async () => {
					const key = uuid();
					return {
						key,
						run: (tx) =>
							tx.query(`insert into casework.participants (id, municipality_id, code, age_band) values ($1, $2, $3, '40s')`, [
								key,
								TOWN_A,
								`N-${key.slice(0, 8)}`
							])
					};
				}
			},
			{
				// readable and editable by every coordinator of the town, deletable only by the assigned
				label: 'a participant of town A nobody is assigned to',
				allow: { select: COORDINATOR, insert: NONE, update: COORDINATOR, delete: NONE },
				create: async (sys) => ({ key: await newParticipant(sys, TOWN_A) })
			},
			{
				label: 'a participant of town B',
				allow: NOBODY,
				create: async (sys) => ({ key: await newParticipant(sys, TOWN_B) }),
				insert: async () => {
					const key = uuid();
					return {
						key,
						run: (tx) =>
							tx.query(`insert into casework.participants (id, municipality_id, code, age_band) values ($1, $2, $3, '40s')`, [
								key,
								TOWN_B,
								`N-${key.slice(0, 8)}`
							])
					};
				}
			}
		]
	},
	{
		table: 'casework.participant_names',
		key: 'participant_id',
		marker: ['real_name', 'マーカー'],
		variants: [
			{
				label: 'the name of a participant assigned to the coordinator',
				allow: { select: COORDINATOR, insert: COORDINATOR, update: COORDINATOR, delete: COORDINATOR },
				create: async (sys) => {
					const key = await newParticipant(sys, TOWN_A, [USERS.coordinator]);
					await sys.query(
						`insert into casework.participant_names (participant_id, municipality_id, real_name) values ($1, $2, '山田 太郎')`,
						[key, TOWN_A]
					);
					return { key };
				},
				insert: async (sys) => {
					const key = await newParticipant(sys, TOWN_A, [USERS.coordinator]);
					return {
						key,
						run: (tx) =>
							tx.query(`insert into casework.participant_names (participant_id, municipality_id, real_name) values ($1, $2, '山田 太郎')`, [
								key,
								TOWN_A
							])
					};
				}
			},
			{
				label: 'the name of a participant only a colleague is assigned to',
				allow: NOBODY,
				create: async (sys) => {
					const key = await newParticipant(sys, TOWN_A, [COLLEAGUE]);
					await sys.query(
						`insert into casework.participant_names (participant_id, municipality_id, real_name) values ($1, $2, '山田 太郎')`,
						[key, TOWN_A]
					);
					return { key };
				},
				insert: async (sys) => {
					const key = await newParticipant(sys, TOWN_A, [COLLEAGUE]);
					return {
						key,
						run: (tx) =>
							tx.query(`insert into casework.participant_names (participant_id, municipality_id, real_name) values ($1, $2, '山田 太郎')`, [
								key,
								TOWN_A
							])
					};
				}
			}
		]
	},
	{
		table: 'casework.participant_coordinators',
		key: `(participant_id::text || ':' || user_id::text)`,
		marker: ['created_at', '2026-01-01 00:00:00+00'],
		variants: [
			{
				label: 'an assignment to a participant the coordinator is assigned to',
				allow: { select: COORDINATOR, insert: COORDINATOR, update: NONE, delete: COORDINATOR },
				create: async (sys) => {
					const participant = await newParticipant(sys, TOWN_A, [USERS.coordinator, COLLEAGUE]);
					return { key: `${participant}:${COLLEAGUE}` };
				},
				insert: async (sys) => {
					const participant = await newParticipant(sys, TOWN_A, [USERS.coordinator]);
					return {
						key: `${participant}:${COLLEAGUE}`,
						run: (tx) =>
							tx.query('insert into casework.participant_coordinators (participant_id, municipality_id, user_id) values ($1, $2, $3)', [
								participant,
								TOWN_A,
								COLLEAGUE
							])
					};
				}
			},
			{
				// nobody assigns themselves to read a name they were not given
				label: 'an assignment to a participant the coordinator is not assigned to',
				allow: { select: COORDINATOR, insert: NONE, update: NONE, delete: NONE },
				create: async (sys) => {
					const participant = await newParticipant(sys, TOWN_A, [COLLEAGUE]);
					return { key: `${participant}:${COLLEAGUE}` };
				},
				insert: async (sys) => {
					const participant = await newParticipant(sys, TOWN_A, [COLLEAGUE]);
					return {
						key: `${participant}:${USERS.coordinator}`,
						run: (tx) =>
							tx.query('insert into casework.participant_coordinators (participant_id, municipality_id, user_id) values ($1, $2, $3)', [
								participant,
								TOWN_A,
								USERS.coordinator
							])
					};
				}
			}
		]
	},
	...(['A', 'B'] as const).map((town): TableSpec => ({
		table: 'casework.placements',
		key: 'id',
		marker: ['host_message', 'マーカー'],
		variants: [
			{
				label: `a placement in town ${town}`,
				allow: town === 'A' ? { select: COORDINATOR, insert: COORDINATOR, update: COORDINATOR, delete: NONE } : NOBODY,
				create: async (sys) => ({ key: await newPlacement(sys, townOf(town)) }),
				insert: async (sys) => {
					const participant = await newParticipant(sys, townOf(town));
					const key = uuid();
					return {
						key,
						run: (tx) =>
							tx.query(
								`insert into casework.placements (id, municipality_id, participant_id, opening_id, organization_id, opening_title)
									 values ($1, $2, $3, $4, $2, '')`,
								[key, townOf(town), participant, town === 'A' ? openingA : openingB]
							)
					};
				}
			}
		]
	})),
	...(['A', 'B'] as const).map((town): TableSpec => ({
		table: 'casework.follow_ups',
		key: 'id',
		marker: ['note', 'マーカー'],
		variants: [
			{
				label: `a follow-up in town ${town}`,
				allow: town === 'A' ? { select: COORDINATOR, insert: COORDINATOR, update: COORDINATOR, delete: NONE } : NOBODY,
				create: async (sys) => {
					const placement = await newPlacement(sys, townOf(town));
					const [{ id }] = await sys.query<{ id: string }>(
						`insert into casework.follow_ups (municipality_id, placement_id, kind, due_on) values ($1, $2, 'week1', '2026-12-08') returning id`,
						[townOf(town), placement]
					);
					return { key: id };
				},
				insert: async (sys) => {
					const placement = await newPlacement(sys, townOf(town));
					const key = uuid();
					return {
						key,
						run: (tx) =>
							tx.query(
								`insert into casework.follow_ups (id, municipality_id, placement_id, kind, due_on) values ($1, $2, $3, 'month1', '2027-01-01')`,
								[key, townOf(town), placement]
							)
					};
				}
			}
		]
	})),
	{
		table: 'casework.access_log',
		key: 'record_id',
		marker: ['action', 'delete'],
		variants: [
			{
				label: 'an entry about a participant the coordinator is assigned to',
				allow: { select: ['coordinator', 'tenantAdmin'] as Actor[], insert: NONE, update: NONE, delete: NONE },
				create: async (sys: Tx) => {
					const participant = await newParticipant(sys, TOWN_A, [USERS.coordinator]);
					const key = uuid();
					await sys.query(
						`insert into casework.access_log (municipality_id, actor_id, action, record_type, record_id, participant_id) values ($1, $2, 'view', 'participant', $3, $4)`,
						[TOWN_A, COLLEAGUE, key, participant]
					);
					return { key };
				}
			},
			...(['A', 'B'] as const).map((town) => ({
				label: `an entry of town ${town}`,
				allow: town === 'A' ? { select: ['tenantAdmin'] as Actor[], insert: COORDINATOR, update: NONE, delete: NONE } : NOBODY,
				create: async (sys: Tx) => {
					const key = uuid();
					await sys.query(
						`insert into casework.access_log (municipality_id, actor_id, action, record_type, record_id) values ($1, $2, 'view', 'participant', $3)`,
						[townOf(town), USERS.coordinator, key]
					);
					return { key };
				},
				// a coordinator records their own read
				insert: async () => {
					const key = uuid();
					return {
						key,
						run: (tx: Tx) =>
							tx.query(
								`insert into casework.access_log (municipality_id, action, record_type, record_id) values ($1, 'view', 'participant', $2)`,
								[townOf(town), key]
							)
					};
				}
			}))
		]
	}
];

runMatrix(SPECS, setup, 'aal2');
