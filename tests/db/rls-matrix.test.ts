/**
 * The RLS matrix of the shared core: every table × every actor (anon included) ×
 * select/insert/update/delete, each cell allowed or denied.
 */
import crypto from 'node:crypto';
import type { Tx } from '../../src/lib/server/platform/db/index';
import { ALL, NONE, NOBODY, runMatrix, type TableSpec, type Variant } from './matrix';
import { ORG_B, ORG_OTHER, ORG_OWN, ORG_SHAKYO, TOWN_A, TOWN_B, USERS, type Actor } from './world';

const READ_OWN: Actor[] = ['volunteer', 'orgAdmin', 'moderator', 'coordinator', 'tenantAdmin'];
const READ_OTHER: Actor[] = ['otherVolunteer', 'moderator', 'coordinator', 'tenantAdmin'];
const nobody = NOBODY;

const uuid = () => crypto.randomUUID();

async function newPlace(sys: Tx, org: string, muni: string, status: string): Promise<string> {
	const id = uuid();
	await sys.query(
		`insert into public.places (id, municipality_id, organization_id, name, category, status)
		 values ($1, $2, $3, 'テストの場', 'salon', $4)`,
		[id, muni, org, status]
	);
	return id;
}

async function newLocation(sys: Tx, place: string, org: string, muni: string) {
	await sys.query(
		`insert into public.place_locations (place_id, organization_id, municipality_id, location, address)
		 values ($1, $2, $3, 'SRID=4326;POINT(138.4 34.98)', 'ひだまり市本町1丁目1-1')`,
		[place, org, muni]
	);
}

async function newUser(sys: Tx): Promise<string> {
	const id = uuid();
	await sys.query('insert into auth.users (id, email) values ($1, $2)', [id, `${id}@test.example`]);
	return id;
}

const placeVariant = (label: string, org: string, muni: string, status: string, allow: Variant['allow']): Variant => ({
	label,
	allow,
	create: async (sys) => ({ key: await newPlace(sys, org, muni, status) }),
	insert: async () => {
		const key = uuid();
		return {
			key,
			run: (tx) =>
				tx.query(
					`insert into public.places (id, municipality_id, organization_id, name, category, status)
					 values ($1, $2, $3, '新しい場', 'ibasho', $4)`,
					[key, muni, org, status]
				)
		};
	}
});

const locationVariant = (label: string, org: string, muni: string, status: string, allow: Variant['allow']): Variant => ({
	label,
	allow,
	create: async (sys) => {
		const key = await newPlace(sys, org, muni, status);
		await newLocation(sys, key, org, muni);
		return { key };
	},
	insert: async (sys) => {
		const key = await newPlace(sys, org, muni, status);
		return {
			key,
			run: (tx) =>
				tx.query(
					`insert into public.place_locations (place_id, organization_id, municipality_id, location, address)
					 values ($1, $2, $3, 'SRID=4326;POINT(138.41 34.99)', 'ひだまり市本町2丁目2-2')`,
					[key, org, muni]
				)
		};
	}
});

const SCHEDULE = `rrule, dtstart, start_time, end_time) values`;
const activityVariant = (label: string, org: string, status: string, allow: Variant['allow']): Variant => ({
	label,
	allow,
	create: async (sys) => {
		const place = await newPlace(sys, org, TOWN_A, status);
		const [{ id }] = await sys.query<{ id: string }>(
			`insert into public.activities (municipality_id, organization_id, place_id, title, ${SCHEDULE}
			 ($1, $2, $3, '活動', 'FREQ=WEEKLY;BYDAY=MO', '2026-04-01', '10:00', '12:00') returning id`,
			[TOWN_A, org, place]
		);
		return { key: id };
	},
	insert: async (sys) => {
		const place = await newPlace(sys, org, TOWN_A, status);
		const key = uuid();
		return {
			key,
			run: (tx) =>
				tx.query(
					`insert into public.activities (id, municipality_id, organization_id, place_id, title, ${SCHEDULE}
					 ($1, $2, $3, $4, '新しい活動', 'FREQ=WEEKLY;BYDAY=TU', '2026-04-01', '13:00', '15:00')`,
					[key, TOWN_A, org, place]
				)
		};
	}
});

const openingVariant = (
	label: string,
	org: string,
	placeStatus: string,
	opening: { visibility: string; status: string },
	allow: Variant['allow']
): Variant => ({
	label,
	allow,
	create: async (sys) => {
		const place = await newPlace(sys, org, TOWN_A, placeStatus);
		const [{ id }] = await sys.query<{ id: string }>(
			`insert into public.openings (municipality_id, organization_id, place_id, title, capacity, visibility, status,
			   ${SCHEDULE} ($1, $2, $3, '受付の手伝い', 2, $4, $5, 'FREQ=WEEKLY;BYDAY=TH', '2026-04-01', '10:00', '12:00')
			 returning id`,
			[TOWN_A, org, place, opening.visibility, opening.status]
		);
		return { key: id };
	},
	insert: async (sys) => {
		const place = await newPlace(sys, org, TOWN_A, placeStatus);
		const key = uuid();
		return {
			key,
			run: (tx) =>
				tx.query(
					`insert into public.openings (id, municipality_id, organization_id, place_id, title, capacity, visibility, status,
					   ${SCHEDULE} ($1, $2, $3, $4, '新しい枠', 1, $5, $6, 'FREQ=WEEKLY;BYDAY=FR', '2026-04-01', '13:00', '15:00')`,
					[key, TOWN_A, org, place, opening.visibility, opening.status]
				)
		};
	}
});

async function newOrganization(sys: Tx, muni: string, isPublic: boolean, members: [string, string][]): Promise<string> {
	const id = uuid();
	await sys.query(
		`insert into public.organizations (id, municipality_id, kind, name, is_public) values ($1, $2, 'npo', 'テスト団体', $3)`,
		[id, muni, isPublic]
	);
	for (const [userId, role] of members)
		await sys.query('insert into public.memberships (user_id, organization_id, municipality_id, role) values ($1, $2, $3, $4)', [
			userId,
			id,
			muni,
			role
		]);
	return id;
}

const membershipVariant = (
	label: string,
	org: string,
	muni: string,
	role: string,
	who: 'fresh' | string,
	allow: Variant['allow']
): Variant => ({
	label,
	allow,
	create: async (sys) => {
		const userId = who === 'fresh' ? await newUser(sys) : who;
		const [{ id }] = await sys.query<{ id: string }>(
			'insert into public.memberships (user_id, organization_id, municipality_id, role) values ($1, $2, $3, $4) returning id',
			[userId, org, muni, role]
		);
		return { key: id };
	},
	insert: async (sys) => {
		const userId = who === 'fresh' ? await newUser(sys) : who;
		const key = uuid();
		return {
			key,
			run: (tx) =>
				tx.query('insert into public.memberships (id, user_id, organization_id, municipality_id, role) values ($1, $2, $3, $4, $5)', [
					key,
					userId,
					org,
					muni,
					role
				])
		};
	}
});

const SPECS: TableSpec[] = [
	{
		table: 'public.municipalities',
		key: 'id',
		marker: ['name', '改名テスト市'],
		variants: [
			{
				label: 'own town',
				allow: { select: ALL, insert: NONE, update: ['tenantAdmin'], delete: NONE },
				create: async () => ({ key: TOWN_A, keep: true }),
				insert: async () => {
					const key = uuid();
					return {
						key,
						run: (tx) =>
							tx.query(`insert into public.municipalities (id, code, name, prefecture) values ($1, '131016', '千代田区', '東京都')`, [key])
					};
				}
			},
			{
				label: 'other town',
				allow: { select: ALL, insert: NONE, update: NONE, delete: NONE },
				create: async () => ({ key: TOWN_B, keep: true })
			}
		]
	},
	{
		table: 'public.areas',
		key: 'id',
		marker: ['name', 'マーカー地区'],
		variants: [TOWN_A, TOWN_B].map((muni) => {
			const writers: Actor[] = muni === TOWN_A ? ['moderator', 'tenantAdmin'] : ['foreignModerator'];
			const make = async (tx: Tx, key: string) =>
				tx.query(`insert into public.areas (id, municipality_id, kind, name) values ($1, $2, 'district', $3)`, [key, muni, `地区${key}`]);
			return {
				label: muni === TOWN_A ? 'area in town A' : 'area in town B',
				allow: { select: ALL, insert: writers, update: writers, delete: writers },
				create: async (sys: Tx) => {
					const key = uuid();
					await make(sys, key);
					return { key };
				},
				insert: async () => {
					const key = uuid();
					return { key, run: (tx: Tx) => make(tx, key) };
				}
			};
		})
	},
	{
		table: 'public.organizations',
		key: 'id',
		marker: ['description', 'マーカー'],
		variants: [
			{
				label: 'public organisation of town A (orgAdmin is its admin)',
				allow: {
					select: ALL,
					insert: ['moderator', 'tenantAdmin'],
					update: ['orgAdmin', 'moderator', 'tenantAdmin'],
					delete: ['tenantAdmin']
				},
				create: async (sys) => ({
					key: await newOrganization(sys, TOWN_A, true, [
						[USERS.orgAdmin, 'admin'],
						[USERS.volunteer, 'volunteer']
					])
				}),
				insert: async () => {
					const key = uuid();
					return {
						key,
						run: (tx) =>
							tx.query(`insert into public.organizations (id, municipality_id, kind, name) values ($1, $2, 'npo', '新団体')`, [key, TOWN_A])
					};
				}
			},
			{
				label: 'non-public organisation of town A (volunteer is a member)',
				allow: {
					select: ['volunteer', 'moderator', 'coordinator', 'agencyStaff', 'tenantAdmin'],
					insert: ['moderator', 'tenantAdmin'],
					update: ['moderator', 'tenantAdmin'],
					delete: ['tenantAdmin']
				},
				create: async (sys) => ({ key: await newOrganization(sys, TOWN_A, false, [[USERS.volunteer, 'volunteer']]) }),
				insert: async () => {
					const key = uuid();
					return {
						key,
						run: (tx) =>
							tx.query(
								`insert into public.organizations (id, municipality_id, kind, name, is_public) values ($1, $2, 'npo', '新団体', false)`,
								[key, TOWN_A]
							)
					};
				}
			},
			{
				label: 'non-public organisation of town B',
				allow: { select: ['foreignModerator'], insert: ['foreignModerator'], update: ['foreignModerator'], delete: NONE },
				create: async (sys) => ({ key: await newOrganization(sys, TOWN_B, false, []) }),
				insert: async () => {
					const key = uuid();
					return {
						key,
						run: (tx) =>
							tx.query(
								`insert into public.organizations (id, municipality_id, kind, name, is_public) values ($1, $2, 'npo', '新団体', false)`,
								[key, TOWN_B]
							)
					};
				}
			}
		]
	},
	{
		table: 'public.memberships',
		key: 'id',
		marker: ['role', 'admin'],
		variants: [
			membershipVariant("a volunteer of the volunteer's organisation", ORG_OWN, TOWN_A, 'volunteer', 'fresh', {
				select: ['orgAdmin', 'tenantAdmin'],
				insert: ['orgAdmin', 'tenantAdmin'],
				update: ['orgAdmin', 'tenantAdmin'],
				delete: ['orgAdmin', 'tenantAdmin']
			}),
			membershipVariant("the volunteer's own membership elsewhere", ORG_OTHER, TOWN_A, 'volunteer', USERS.volunteer, {
				select: ['volunteer', 'tenantAdmin'],
				insert: ['tenantAdmin'],
				update: ['tenantAdmin'],
				delete: ['volunteer', 'tenantAdmin']
			}),
			membershipVariant('a coordinator of 社協', ORG_SHAKYO, TOWN_A, 'coordinator', 'fresh', {
				select: ['tenantAdmin'],
				insert: ['tenantAdmin'],
				update: ['tenantAdmin'],
				delete: ['tenantAdmin']
			}),
			membershipVariant('a moderator in town B', ORG_B, TOWN_B, 'moderator', 'fresh', nobody)
		]
	},
	{
		table: 'public.places',
		key: 'id',
		marker: ['name', 'マーカーの場'],
		// anon reads only what disclosure lets out (location-privacy.test.ts: `select *` is refused)
		columnsFor: (actor) =>
			actor === 'anon' ? 'id, name, public_location, public_address, public_venue_name, public_area_id, public_access_note' : '*',
		variants: [
			placeVariant('published, own organisation', ORG_OWN, TOWN_A, 'published', {
				select: ALL,
				insert: ['moderator'],
				update: ['moderator'],
				delete: ['moderator']
			}),
			placeVariant('draft, own organisation', ORG_OWN, TOWN_A, 'draft', {
				select: READ_OWN,
				insert: ['volunteer', 'orgAdmin', 'moderator'],
				update: ['volunteer', 'orgAdmin', 'moderator'],
				delete: ['orgAdmin', 'moderator']
			}),
			placeVariant('submitted, own organisation', ORG_OWN, TOWN_A, 'submitted', {
				select: READ_OWN,
				insert: ['volunteer', 'orgAdmin', 'moderator'],
				update: ['volunteer', 'orgAdmin', 'moderator'],
				delete: ['moderator']
			}),
			placeVariant('archived, own organisation', ORG_OWN, TOWN_A, 'archived', {
				select: READ_OWN,
				insert: ['moderator'],
				update: ['moderator'],
				delete: ['moderator']
			}),
			placeVariant('draft, other organisation', ORG_OTHER, TOWN_A, 'draft', {
				select: READ_OTHER,
				insert: ['otherVolunteer', 'moderator'],
				update: ['otherVolunteer', 'moderator'],
				delete: ['moderator']
			}),
			placeVariant('draft in town B', ORG_B, TOWN_B, 'draft', {
				select: ['foreignModerator'],
				insert: ['foreignModerator'],
				update: ['foreignModerator'],
				delete: ['foreignModerator']
			})
		]
	},
	{
		table: 'public.place_locations',
		key: 'place_id',
		marker: ['address', 'マーカー町1丁目'],
		variants: [
			locationVariant('of a published place, own organisation', ORG_OWN, TOWN_A, 'published', {
				select: READ_OWN,
				insert: ['moderator'],
				update: ['moderator'],
				delete: ['moderator']
			}),
			locationVariant('of a draft, own organisation', ORG_OWN, TOWN_A, 'draft', {
				select: READ_OWN,
				insert: ['volunteer', 'orgAdmin', 'moderator'],
				update: ['volunteer', 'orgAdmin', 'moderator'],
				delete: ['volunteer', 'orgAdmin', 'moderator']
			}),
			locationVariant('of a draft, other organisation', ORG_OTHER, TOWN_A, 'draft', {
				select: READ_OTHER,
				insert: ['otherVolunteer', 'moderator'],
				update: ['otherVolunteer', 'moderator'],
				delete: ['otherVolunteer', 'moderator']
			}),
			locationVariant('of a draft in town B', ORG_B, TOWN_B, 'draft', {
				select: ['foreignModerator'],
				insert: ['foreignModerator'],
				update: ['foreignModerator'],
				delete: ['foreignModerator']
			})
		]
	},
	{
		table: 'public.activities',
		key: 'id',
		marker: ['title', 'マーカー活動'],
		variants: [
			activityVariant('at a published place, own organisation', ORG_OWN, 'published', {
				select: ALL,
				insert: ['moderator'],
				update: ['moderator'],
				delete: ['moderator']
			}),
			activityVariant('at a draft, own organisation', ORG_OWN, 'draft', {
				select: READ_OWN,
				insert: ['volunteer', 'orgAdmin', 'moderator'],
				update: ['volunteer', 'orgAdmin', 'moderator'],
				delete: ['volunteer', 'orgAdmin', 'moderator']
			}),
			activityVariant('at a draft, other organisation', ORG_OTHER, 'draft', {
				select: READ_OTHER,
				insert: ['otherVolunteer', 'moderator'],
				update: ['otherVolunteer', 'moderator'],
				delete: ['otherVolunteer', 'moderator']
			})
		]
	},
	{
		table: 'public.openings',
		key: 'id',
		marker: ['title', 'マーカー枠'],
		variants: [
			openingVariant(
				'open and public at a published place, own organisation',
				ORG_OWN,
				'published',
				{ visibility: 'public', status: 'open' },
				{
					select: ALL,
					insert: ['volunteer', 'orgAdmin', 'moderator'],
					update: ['volunteer', 'orgAdmin', 'moderator'],
					delete: ['orgAdmin', 'moderator']
				}
			),
			openingVariant(
				'for coordinators only, own organisation',
				ORG_OWN,
				'published',
				{ visibility: 'coordinators', status: 'open' },
				{
					select: READ_OWN,
					insert: ['volunteer', 'orgAdmin', 'moderator'],
					update: ['volunteer', 'orgAdmin', 'moderator'],
					delete: ['orgAdmin', 'moderator']
				}
			),
			openingVariant(
				'paused, own organisation',
				ORG_OWN,
				'published',
				{ visibility: 'public', status: 'paused' },
				{
					select: READ_OWN,
					insert: ['volunteer', 'orgAdmin', 'moderator'],
					update: ['volunteer', 'orgAdmin', 'moderator'],
					delete: ['orgAdmin', 'moderator']
				}
			),
			openingVariant(
				'public but at a draft place, own organisation',
				ORG_OWN,
				'draft',
				{ visibility: 'public', status: 'open' },
				{
					select: READ_OWN,
					insert: ['volunteer', 'orgAdmin', 'moderator'],
					update: ['volunteer', 'orgAdmin', 'moderator'],
					delete: ['orgAdmin', 'moderator']
				}
			),
			openingVariant(
				'open and public, other organisation',
				ORG_OTHER,
				'published',
				{ visibility: 'public', status: 'open' },
				{
					select: ALL,
					insert: ['otherVolunteer', 'moderator'],
					update: ['otherVolunteer', 'moderator'],
					delete: ['moderator']
				}
			)
		]
	},
	{
		table: 'public.activity_occurrences',
		key: 'activity_id',
		marker: ['bands', '{evening}'],
		variants: (['published', 'draft'] as const).map((status) => ({
			label: `of an activity at a ${status} place, own organisation`,
			// derived data: only the system path writes it
			allow: { select: status === 'published' ? ALL : READ_OWN, insert: NONE, update: NONE, delete: NONE },
			create: async (sys: Tx) => {
				const place = await newPlace(sys, ORG_OWN, TOWN_A, status);
				const [{ id }] = await sys.query<{ id: string }>(
					`insert into public.activities (municipality_id, organization_id, place_id, title, ${SCHEDULE}
					 ($1, $2, $3, '活動', 'FREQ=WEEKLY;BYDAY=MO', '2026-04-01', '10:00', '12:00') returning id`,
					[TOWN_A, ORG_OWN, place]
				);
				await sys.query(
					`insert into public.activity_occurrences (activity_id, place_id, municipality_id, starts_at, ends_at)
					 values ($1, $2, $3, '2026-11-30 10:00+09', '2026-11-30 12:00+09')`,
					[id, place, TOWN_A]
				);
				return { key: id };
			},
			insert: async (sys: Tx) => {
				const place = await newPlace(sys, ORG_OWN, TOWN_A, status);
				const [{ id }] = await sys.query<{ id: string }>(
					`insert into public.activities (municipality_id, organization_id, place_id, title, ${SCHEDULE}
					 ($1, $2, $3, '活動', 'FREQ=WEEKLY;BYDAY=MO', '2026-04-01', '10:00', '12:00') returning id`,
					[TOWN_A, ORG_OWN, place]
				);
				return {
					key: id,
					run: (tx: Tx) =>
						tx.query(
							`insert into public.activity_occurrences (activity_id, place_id, municipality_id, starts_at, ends_at)
							 values ($1, $2, $3, '2026-11-30 10:00+09', '2026-11-30 12:00+09')`,
							[id, place, TOWN_A]
						)
				};
			}
		}))
	},
	{
		table: 'private.occurrence_horizon',
		key: 'id',
		marker: ['through', '2030-01-01'],
		variants: [
			{
				label: 'the horizon row',
				allow: nobody,
				create: async () => ({ key: 'true', keep: true }),
				insert: async () => ({
					key: 'false',
					run: (tx: Tx) =>
						tx.query(`insert into private.occurrence_horizon (id, computed_on, through) values (true, '2026-01-01', '2026-05-01')`)
				})
			}
		]
	},
	{
		table: 'auth.users',
		key: 'id',
		marker: ['email', 'marker@test.example'],
		variants: [
			{
				label: "the actor's own user row or anyone's",
				allow: nobody,
				create: async (sys) => ({ key: await newUser(sys) }),
				insert: async () => {
					const key = uuid();
					return { key, run: (tx) => tx.query(`insert into auth.users (id, email) values ($1, $2)`, [key, `${key}@x.example`]) };
				}
			}
		]
	},
	{
		table: 'auth.sessions',
		key: 'id',
		marker: ['user_agent', 'marker'],
		variants: [
			{
				label: 'any session',
				allow: nobody,
				create: async (sys) => {
					const [{ id }] = await sys.query<{ id: string }>(
						'insert into auth.sessions (id, user_id) values (gen_random_uuid(), $1) returning id',
						[USERS.volunteer]
					);
					return { key: id };
				},
				insert: async () => {
					const key = uuid();
					return { key, run: (tx) => tx.query('insert into auth.sessions (id, user_id) values ($1, $2)', [key, USERS.volunteer]) };
				}
			}
		]
	},
	{
		table: 'auth.mfa_factors',
		key: 'id',
		marker: ['friendly_name', 'marker'],
		variants: [
			{
				label: 'any factor',
				allow: nobody,
				create: async (sys) => {
					const [{ id }] = await sys.query<{ id: string }>(
						`insert into auth.mfa_factors (id, user_id, factor_type, status, secret, created_at, updated_at) values (gen_random_uuid(), $1, 'totp', 'unverified', 'S', now(), now()) returning id`,
						[USERS.volunteer]
					);
					return { key: id };
				},
				insert: async () => {
					const key = uuid();
					return {
						key,
						run: (tx) =>
							tx.query(
								`insert into auth.mfa_factors (id, user_id, factor_type, status, secret, created_at, updated_at) values ($1, $2, 'totp', 'unverified', 'S', now(), now())`,
								[key, USERS.volunteer]
							)
					};
				}
			}
		]
	},
	{
		table: 'private.sign_in_attempts',
		key: 'email',
		marker: ['ip', '192.0.2.1'],
		variants: [
			{
				label: 'any attempt',
				allow: nobody,
				create: async (sys) => {
					const key = `${uuid()}@x.example`;
					await sys.query('insert into private.sign_in_attempts (email, succeeded) values ($1, false)', [key]);
					return { key };
				},
				insert: async () => {
					const key = `${uuid()}@x.example`;
					return { key, run: (tx) => tx.query('insert into private.sign_in_attempts (email, succeeded) values ($1, true)', [key]) };
				}
			}
		]
	}
];

runMatrix(SPECS);
