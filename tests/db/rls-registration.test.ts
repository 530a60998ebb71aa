/**
 * The RLS matrix of issue 4's tables: every actor (anon included) × select/insert/update/delete,
 * allowed and denied, checked against the table afterwards through the system path.
 */
import crypto from 'node:crypto';
import type { Tx } from '../../src/lib/server/platform/db/index';
import { ALL, NONE, NOBODY, runMatrix, type TableSpec, type Variant } from './matrix';
import { ORG_B, ORG_OTHER, ORG_OWN, TOWN_A, TOWN_B, type Actor } from './world';

const uuid = () => crypto.randomUUID();
const OWN_MEMBERS: Actor[] = ['volunteer', 'orgAdmin'];
const STAFF_A: Actor[] = ['moderator', 'coordinator', 'tenantAdmin'];
const READ_OWN: Actor[] = [...OWN_MEMBERS, ...STAFF_A];
const READ_OTHER: Actor[] = ['otherVolunteer', ...STAFF_A];

async function newPlace(sys: Tx, org: string, muni: string, status = 'published'): Promise<string> {
	const id = uuid();
	await sys.query(
		`insert into public.places (id, municipality_id, organization_id, name, category, status) values ($1, $2, $3, 'テストの場', 'salon', $4)`,
		[id, muni, org, status]
	);
	return id;
}

const nobodyVariant = (label: string, create: Variant['create'], insert: Variant['insert']): Variant => ({
	label,
	allow: NOBODY,
	create,
	insert
});

const SPECS: TableSpec[] = [
	{
		table: 'private.rate_events',
		key: 'key_hash',
		marker: ['bucket', 'marker'],
		variants: [
			nobodyVariant(
				'any event',
				async (sys) => {
					const key = uuid();
					await sys.query(`insert into private.rate_events (bucket, key_hash) values ('suggestion', $1)`, [key]);
					return { key };
				},
				async () => {
					const key = uuid();
					return { key, run: (tx) => tx.query(`insert into private.rate_events (bucket, key_hash) values ('suggestion', $1)`, [key]) };
				}
			)
		]
	},
	{
		table: 'private.signed_links',
		key: 'id',
		marker: ['purpose', 'freshness'],
		variants: [
			nobodyVariant(
				'any link',
				async (sys) => {
					const [{ id }] = await sys.query<{ id: string }>(
						`insert into private.signed_links (purpose, subject_id, expires_at) values ('email_confirmation', $1, now() + interval '1 day') returning id`,
						[uuid()]
					);
					return { key: id };
				},
				async () => {
					const key = uuid();
					return {
						key,
						run: (tx) =>
							tx.query(
								`insert into private.signed_links (id, purpose, subject_id, expires_at) values ($1, 'freshness', $2, now() + interval '1 day')`,
								[key, uuid()]
							)
					};
				}
			)
		]
	},
	{
		table: 'private.mail_outbox',
		key: 'id',
		marker: ['subject', 'マーカー'],
		variants: (
			[
				['mail of town A', TOWN_A, ['tenantAdmin']],
				['account mail (no municipality)', null, ['tenantAdmin']],
				['mail of town B', TOWN_B, []]
			] as const
		).map(([label, muni, readers]) => ({
			label,
			allow: { select: [...readers], insert: NONE, update: NONE, delete: NONE },
			create: async (sys: Tx) => {
				const [{ id }] = await sys.query<{ id: string }>(
					`insert into private.mail_outbox (municipality_id, kind, to_address, subject, body) values ($1, 'invitation', 'a@b.example', '件名', '本文') returning id`,
					[muni]
				);
				return { key: id };
			},
			insert: async () => {
				const key = uuid();
				return {
					key,
					run: (tx: Tx) =>
						tx.query(
							`insert into private.mail_outbox (id, municipality_id, kind, to_address, subject, body) values ($1, $2, 'invitation', 'a@b.example', '件名', '本文')`,
							[key, muni]
						)
				};
			}
		}))
	},
	{
		table: 'public.invitations',
		key: 'id',
		// the only column anyone may update: admins revoke
		marker: ['revoked_at', '2026-11-23 00:00:00+00'],
		variants: (
			[
				["an invitation to the volunteer's organisation (orgAdmin is its admin)", ORG_OWN, TOWN_A, ['orgAdmin', 'tenantAdmin']],
				['an invitation to another organisation of town A', ORG_OTHER, TOWN_A, ['tenantAdmin']],
				['an invitation in town B', ORG_B, TOWN_B, []]
			] as const
		).map(([label, org, muni, admins]) => {
			const row = (tx: Tx, key: string) =>
				tx.query(
					`insert into public.invitations (id, organization_id, municipality_id, nonce_hash, expires_at) values ($1, $2, $3, $4, now() + interval '7 days')`,
					[key, org, muni, 'a'.repeat(64)]
				);
			return {
				label,
				allow: { select: [...admins], insert: [...admins], update: [...admins], delete: [...admins] },
				create: async (sys: Tx) => {
					const key = uuid();
					await row(sys, key);
					return { key };
				},
				insert: async () => {
					const key = uuid();
					return { key, run: (tx: Tx) => row(tx, key) };
				}
			};
		})
	},
	{
		table: 'public.place_history',
		key: 'id',
		marker: ['via', 'marker'],
		variants: (
			[
				["a listing of the volunteer's organisation", ORG_OWN, TOWN_A, READ_OWN],
				['a listing of another organisation', ORG_OTHER, TOWN_A, READ_OTHER],
				['a listing in town B', ORG_B, TOWN_B, ['foreignModerator']]
			] as const
		).map(([label, org, muni, readers]) => ({
			label,
			// append-only: written by triggers alone
			allow: { select: [...readers], insert: NONE, update: NONE, delete: NONE },
			create: async (sys: Tx) => {
				const [{ id }] = await sys.query<{ id: string }>(
					`insert into public.place_history (place_id, municipality_id, organization_id, entity, entity_id, action, after)
					 values ($1, $2, $3, 'place', $1, 'update', '{"name":"新"}') returning id::text`,
					[uuid(), muni, org]
				);
				return { key: id };
			},
			insert: async () => ({
				key: '-1',
				run: (tx: Tx) =>
					tx.query(
						`insert into public.place_history (id, place_id, municipality_id, organization_id, entity, entity_id, action)
						 overriding system value values (-1, $1, $2, $3, 'place', $1, 'update')`,
						[uuid(), muni, org]
					)
			})
		}))
	},
	{
		table: 'public.change_requests',
		key: 'id',
		marker: ['note', 'マーカー'],
		variants: (
			[
				[
					"a pending request of the volunteer's organisation",
					ORG_OWN,
					TOWN_A,
					'pending',
					{
						select: READ_OWN,
						insert: ['volunteer', 'orgAdmin', 'moderator'],
						update: ['volunteer', 'orgAdmin', 'moderator'],
						delete: NONE
					}
				],
				[
					"an approved request of the volunteer's organisation",
					ORG_OWN,
					TOWN_A,
					'approved',
					{
						// decided requests: only moderators touch them, and nobody files one already decided
						select: READ_OWN,
						insert: NONE,
						update: ['moderator'],
						delete: NONE
					}
				],
				[
					'a pending request of another organisation',
					ORG_OTHER,
					TOWN_A,
					'pending',
					{
						select: READ_OTHER,
						insert: ['otherVolunteer', 'moderator'],
						update: ['otherVolunteer', 'moderator'],
						delete: NONE
					}
				],
				[
					'a pending request in town B',
					ORG_B,
					TOWN_B,
					'pending',
					{
						select: ['foreignModerator'],
						insert: ['foreignModerator'],
						update: ['foreignModerator'],
						delete: NONE
					}
				]
			] as const
		).map(([label, org, muni, status, allow]) => {
			const row = (tx: Tx, key: string, place: string) =>
				tx.query(
					`insert into public.change_requests (id, place_id, organization_id, municipality_id, kind, action, base, proposed, status)
					 values ($1, $2, $3, $4, 'place', 'update', '{}', '{"name":"新"}', $5)`,
					[key, place, org, muni, status]
				);
			return {
				label,
				allow: { select: [...allow.select], insert: [...allow.insert], update: [...allow.update], delete: [...allow.delete] },
				create: async (sys: Tx) => {
					const key = uuid();
					await row(sys, key, await newPlace(sys, org, muni));
					return { key };
				},
				insert: async (sys: Tx) => {
					const key = uuid();
					const place = await newPlace(sys, org, muni);
					return { key, run: (tx: Tx) => row(tx, key, place) };
				}
			};
		})
	},
	{
		table: 'public.place_confirmations',
		key: 'id',
		marker: ['note', 'マーカー'],
		variants: (
			[
				["a confirmation of the volunteer's organisation", ORG_OWN, TOWN_A, READ_OWN],
				['a confirmation of another organisation', ORG_OTHER, TOWN_A, READ_OTHER],
				['a confirmation in town B', ORG_B, TOWN_B, ['foreignModerator']]
			] as const
		).map(([label, org, muni, readers]) => {
			const row = (tx: Tx, key: string, place: string) =>
				tx.query(
					`insert into public.place_confirmations (id, place_id, municipality_id, organization_id, method) values ($1, $2, $3, $4, 'staff_phone')`,
					[key, place, muni, org]
				);
			return {
				label,
				// written only by confirm_place and the one-tap handler
				allow: { select: [...readers], insert: NONE, update: NONE, delete: NONE },
				create: async (sys: Tx) => {
					const key = uuid();
					await row(sys, key, await newPlace(sys, org, muni));
					return { key };
				},
				insert: async (sys: Tx) => {
					const key = uuid();
					const place = await newPlace(sys, org, muni);
					return { key, run: (tx: Tx) => row(tx, key, place) };
				}
			};
		})
	},
	{
		table: 'public.suggestions',
		key: 'id',
		marker: ['staff_note', 'マーカー'],
		variants: (
			[
				['a suggestion for town A', TOWN_A, ['moderator', 'tenantAdmin']],
				['a suggestion for town B', TOWN_B, ['foreignModerator']]
			] as const
		).map(([label, muni, handlers]) => {
			const row = (tx: Tx, key: string) =>
				tx.query(
					`insert into public.suggestions (id, municipality_id, kind, place_name, body) values ($1, $2, 'missing', '新しい居場所', '駅前にできました')`,
					[key, muni]
				);
			return {
				label,
				// residents write through submit_suggestion only
				allow: { select: [...handlers], insert: NONE, update: [...handlers], delete: NONE },
				create: async (sys: Tx) => {
					const key = uuid();
					await row(sys, key);
					return { key };
				},
				insert: async () => {
					const key = uuid();
					return { key, run: (tx: Tx) => row(tx, key) };
				}
			};
		})
	},
	{
		table: 'public.place_photos',
		key: 'id',
		marker: ['caption', 'マーカー'],
		variants: (
			[
				[
					"an approved photo of a published listing, the volunteer's organisation",
					ORG_OWN,
					'published',
					true,
					{
						select: ALL,
						insert: ['moderator'],
						update: ['moderator'],
						delete: ['volunteer', 'orgAdmin', 'moderator']
					}
				],
				[
					"an unapproved photo of a published listing, the volunteer's organisation",
					ORG_OWN,
					'published',
					false,
					{
						select: READ_OWN,
						insert: ['volunteer', 'orgAdmin', 'moderator'],
						update: ['volunteer', 'orgAdmin', 'moderator'],
						delete: ['volunteer', 'orgAdmin', 'moderator']
					}
				],
				[
					"an approved photo of a draft, the volunteer's organisation",
					ORG_OWN,
					'draft',
					true,
					{
						select: READ_OWN,
						insert: ['moderator'],
						update: ['moderator'],
						delete: ['volunteer', 'orgAdmin', 'moderator']
					}
				],
				[
					'an unapproved photo of another organisation',
					ORG_OTHER,
					'published',
					false,
					{
						select: READ_OTHER,
						insert: ['otherVolunteer', 'moderator'],
						update: ['otherVolunteer', 'moderator'],
						delete: ['otherVolunteer', 'moderator']
					}
				]
			] as const
		).map(([label, org, status, approved, allow]) => {
			const row = (tx: Tx, key: string, place: string) =>
				tx.query(
					`insert into public.place_photos (id, place_id, organization_id, municipality_id, storage_key, content_type, width, height, bytes, caption, approved_at)
					 values ($1, $2, $3, $4, $5, 'image/jpeg', 800, 600, 1000, '写真', case when $6 then now() end)`,
					[key, place, org, TOWN_A, `photos/${key}.jpg`, approved]
				);
			return {
				label,
				allow: { select: [...allow.select], insert: [...allow.insert], update: [...allow.update], delete: [...allow.delete] },
				create: async (sys: Tx) => {
					const key = uuid();
					await row(sys, key, await newPlace(sys, org, TOWN_A, status));
					return { key };
				},
				insert: async (sys: Tx) => {
					const key = uuid();
					const place = await newPlace(sys, org, TOWN_A, status);
					return { key, run: (tx: Tx) => row(tx, key, place) };
				}
			};
		})
	},
	{
		table: 'public.place_provenance',
		key: 'place_id',
		marker: ['file_name', 'marker.csv'],
		variants: (
			[
				["an imported listing of the volunteer's organisation", ORG_OWN, READ_OWN],
				['an imported listing of another organisation', ORG_OTHER, READ_OTHER]
			] as const
		).map(([label, org, readers]) => {
			const row = (tx: Tx, place: string) =>
				tx.query(
					`insert into public.place_provenance (place_id, organization_id, municipality_id, source, file_name, row_number, original)
					 values ($1, $2, $3, 'import', 'サロン一覧.csv', 2, '{"名称":"サロン"}')`,
					[place, org, TOWN_A]
				);
			return {
				label,
				// kept as imported: no update or delete grant
				allow: { select: [...readers], insert: ['moderator'], update: NONE, delete: NONE },
				create: async (sys: Tx) => {
					const place = await newPlace(sys, org, TOWN_A);
					await row(sys, place);
					return { key: place };
				},
				insert: async (sys: Tx) => {
					const place = await newPlace(sys, org, TOWN_A);
					return { key: place, run: (tx: Tx) => row(tx, place) };
				}
			};
		})
	}
];

runMatrix(SPECS);
