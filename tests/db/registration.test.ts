/**
 * Issue 4 in the database: organisations and invitations without privilege escalation,
 * organisation A never touching B's rows, moderation (approval, send-back, trusted
 * organisations), history, optimistic locking, idempotent creation, freshness and its
 * one-tap link, resident suggestions and sign-up with e-mail confirmation.
 */
import crypto from 'node:crypto';
import type { Cookies } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_PLACE, EMPTY_SCHEDULE, type ActivityFields, type PlaceFields } from '../../src/lib/domain/registration/place-values';
import { createEmbeddedAuth } from '../../src/lib/server/platform/auth/embedded';
import { ANON, type Tx } from '../../src/lib/server/platform/db/index';
import { createOutboxMailer } from '../../src/lib/server/platform/mail/outbox';
import { confirmByLink, confirmListing, sendReminder, viewFreshnessLink } from '../../src/lib/server/registration/freshness';
import { placeHistory } from '../../src/lib/server/registration/history';
import { activitiesOfPlace, createListing, getPlaceRecord, updatePlace } from '../../src/lib/server/registration/places';
import {
	approveRequest,
	getRequest,
	pendingRequest,
	proposeActivityChange,
	proposePlaceChange,
	returnRequest,
	submitListing
} from '../../src/lib/server/registration/moderation';
import { acceptInvitation, createInvitation, createOrganization, displayNames } from '../../src/lib/server/registration/organizations';
import { submitSuggestion } from '../../src/lib/server/registration/suggestions';
import { deriveLinkKey, sha256Hex, signLink, verifyLink } from '../../src/lib/server/platform/links/tokens';
import { onPostgres, openTestDb, sqlState, user, type TestDb } from './helpers';
import { ORG_OTHER, ORG_OWN, ORG_SHAKYO, TOWN_A, TOWN_B, USERS, buildWorld } from './world';

const uuid = () => crypto.randomUUID();
const as = (who: keyof typeof USERS) => user(USERS[who]);
const KEY = deriveLinkKey(new TextEncoder().encode('a-test-secret-that-is-long-enough-0123456789'));

let db: TestDb;
beforeAll(async () => {
	db = await openTestDb();
	await db.system(buildWorld);
});
afterAll(() => db?.close());

const place = (over: Partial<PlaceFields> = {}): PlaceFields => ({
	...EMPTY_PLACE,
	name: 'こども食堂 ひまわり',
	category: 'kodomo_shokudo',
	venue_type: 'community_center',
	fee_kind: 'paid',
	fee_yen: '300',
	contact_phone: '054-123-4567',
	disclosure: 'exact',
	address: '静岡県ひだまり市本町1丁目2-3',
	lon: '138.3601',
	lat: '34.9885',
	...over
});
const activity = (over: Partial<ActivityFields> = {}): ActivityFields => ({
	...EMPTY_SCHEDULE,
	title: '子ども食堂',
	description: '',
	pattern: 'monthly_nth',
	nths: ['2', '4'],
	weekday: '6',
	dtstart: '2026-12-01',
	start_time: '11:00',
	end_time: '14:00',
	holiday_policy: 'skip',
	...over
});

/** A draft listing of the volunteer's organisation. */
async function draft(over: Partial<PlaceFields> = {}, org = ORG_OWN, who: keyof typeof USERS = 'volunteer'): Promise<string> {
	const id = uuid();
	await db.as(as(who), (tx) =>
		createListing(tx, { id, organizationId: org, fields: place(over), activity: { ...activity(), id: uuid() } })
	);
	return id;
}

/** A published listing: drafted, submitted and approved. */
async function published(over: Partial<PlaceFields> = {}, org = ORG_OWN, who: keyof typeof USERS = 'volunteer'): Promise<string> {
	const id = await draft(over, org, who);
	await db.as(as(who), (tx) => submitListing(tx, id, null));
	const r = await db.as(as('moderator'), (tx) => pendingRequest(tx, id, 'new_listing', null));
	const decided = await db.as(as('moderator'), (tx) => approveRequest(tx, r!.id, r!.version));
	expect(decided.ok).toBe(true);
	return id;
}

const publicName = (id: string) =>
	db.as(ANON, async (tx) => (await tx.query<{ name: string }>('select name from public.places where id = $1', [id]))[0]?.name ?? null);
const sys = <T>(sql: string, params: unknown[] = []) => db.system((tx) => tx.query<T>(sql, params));

describe('organisations', () => {
	it('anyone with a confirmed account starts one and becomes its admin — never of a municipal kind', async () => {
		const id = uuid();
		await db.as(as('outsider'), (tx) =>
			createOrganization(tx, {
				id,
				municipality_id: TOWN_A,
				kind: 'volunteer_group',
				name: '新しい会',
				name_kana: '',
				description: '',
				phone: '',
				email: '',
				website: ''
			})
		);
		const [row] = await sys<{ is_public: boolean; roles: string[] }>(
			`select o.is_public, array_agg(m.role::text) as roles from public.organizations o join public.memberships m on m.organization_id = o.id
			 where o.id = $1 group by o.is_public`,
			[id]
		);
		expect(row).toEqual({ is_public: false, roles: ['admin'] });
		for (const kind of ['municipal_dept', 'shakyo', 'agency'])
			expect(
				await sqlState(() =>
					db.as(as('outsider'), (tx) =>
						tx.query(`select public.create_organization($1, $2, $3::public.organization_kind, '乗っ取り')`, [uuid(), TOWN_A, kind])
					)
				)
			).toBe('42501');
		expect(
			await sqlState(() => db.as(ANON, (tx) => tx.query(`select public.create_organization($1, $2, 'npo', '匿名')`, [uuid(), TOWN_A])))
		).toBe('42501');
	});

	it('sending the form twice makes one organisation; the sixth in a day is refused', async () => {
		const id = uuid();
		const run = () =>
			db.as(as('otherVolunteer'), (tx) => tx.query(`select public.create_organization($1, $2, 'npo', '二度押し')`, [id, TOWN_A]));
		await run();
		await run();
		expect((await sys(`select 1 from public.organizations where id = $1`, [id])).length).toBe(1);
		expect((await sys(`select 1 from public.memberships where organization_id = $1`, [id])).length).toBe(1);
		for (let i = 0; i < 4; i++)
			await db.as(as('otherVolunteer'), (tx) => tx.query(`select public.create_organization($1, $2, 'npo', '会')`, [uuid(), TOWN_A]));
		expect(
			await sqlState(() =>
				db.as(as('otherVolunteer'), (tx) => tx.query(`select public.create_organization($1, $2, 'npo', '会')`, [uuid(), TOWN_A]))
			)
		).toBe('TM429');
	});

	it("an organisation's admin cannot turn it into a 主管課 or 社協, move it, or appoint a moderator", async () => {
		const id = uuid();
		await db.as(as('outsider'), (tx) => tx.query(`select public.create_organization($1, $2, 'npo', 'なりすまし防止テスト')`, [id, TOWN_A]));
		for (const kind of ['municipal_dept', 'shakyo'])
			expect(
				await sqlState(() => db.as(as('outsider'), (tx) => tx.query(`update public.organizations set kind = $2 where id = $1`, [id, kind])))
			).toBe('42501');
		expect(
			await sqlState(() =>
				db.as(as('outsider'), (tx) => tx.query(`update public.organizations set municipality_id = $2 where id = $1`, [id, TOWN_B]))
			)
		).toBe('42501');
		expect(
			await sqlState(() => db.as(as('outsider'), (tx) => tx.query(`update public.organizations set trusted = true where id = $1`, [id])))
		).toBe('42501');
		// refused by the role-kind check (23514) or by the policy (42501); either way no row
		expect(
			await sqlState(() =>
				db.as(as('outsider'), (tx) =>
					tx.query(`insert into public.memberships (user_id, organization_id, municipality_id, role) values ($1, $2, $3, 'moderator')`, [
						USERS.outsider,
						id,
						TOWN_A
					])
				)
			)
		).toMatch(/^(42501|23514)$/);
		expect(
			await sqlState(() =>
				db.as(as('outsider'), (tx) =>
					tx.query(`insert into public.memberships (user_id, organization_id, municipality_id, role) values ($1, $2, $3, 'moderator')`, [
						USERS.outsider,
						ORG_SHAKYO,
						TOWN_A
					])
				)
			)
		).toBe('42501');
		expect((await sys(`select 1 from public.memberships where user_id = $1 and role <> 'admin'`, [USERS.outsider])).length).toBe(0);
		// a moderator may not make it a 主管課 either; the tenant admin may
		expect(
			await sqlState(() =>
				db.as(as('moderator'), (tx) => tx.query(`update public.organizations set kind = 'municipal_dept' where id = $1`, [id]))
			)
		).toBe('42501');
		expect(
			await sqlState(() =>
				db.as(as('outsider'), (tx) =>
					tx.query(`update public.organizations set kind = 'volunteer_group', name = '改名' where id = $1`, [id])
				)
			)
		).toBeNull();
		const [{ kind }] = await sys<{ kind: string }>(`select kind::text from public.organizations where id = $1`, [id]);
		expect(kind).toBe('volunteer_group');
	});
});

describe('invitations', () => {
	async function invite(email: string | null, expires = new Date(Date.now() + 7 * 86_400_000)) {
		const id = uuid();
		const nonce = crypto.randomBytes(24).toString('base64url');
		await db.as(as('orgAdmin'), (tx) =>
			createInvitation(tx, { id, organizationId: ORG_OWN, email, nonceHash: sha256Hex(nonce), expiresAt: expires })
		);
		return { id, nonce };
	}
	async function newUser(email: string) {
		const id = uuid();
		await sys(`insert into auth.users (id, email, email_confirmed_at) values ($1, $2, now())`, [id, email]);
		return user(id);
	}

	it('the signed link makes its holder a volunteer, once', async () => {
		const { id, nonce } = await invite(null);
		const token = await signLink(KEY, { purpose: 'invitation', subject: id, jti: id, nonce, expiresAt: new Date(Date.now() + 86_400_000) });
		const verified = await verifyLink(KEY, 'invitation', token);
		expect(verified.ok && verified.nonce).toBe(nonce);
		const joiner = await newUser(`joiner-${id}@test.example`);
		expect(await db.as(joiner, (tx) => acceptInvitation(tx, id, nonce))).toBe('joined');
		expect(await db.as(joiner, (tx) => acceptInvitation(tx, id, nonce))).toBe('already');
		const [{ roles }] = await sys<{ roles: string[] }>(
			`select array_agg(role::text) as roles from public.memberships where user_id = $1 and organization_id = $2`,
			[joiner.sub, ORG_OWN]
		);
		expect(roles).toEqual(['volunteer']);
		const second = await newUser(`second-${id}@test.example`);
		expect(await db.as(second, (tx) => acceptInvitation(tx, id, nonce))).toBe('used');
	});

	it('a wrong nonce, an expired, revoked or someone else’s invitation does nothing', async () => {
		const a = await invite(null);
		const joiner = await newUser(`n-${a.id}@test.example`);
		expect(await db.as(joiner, (tx) => acceptInvitation(tx, a.id, 'forged'))).toBe('invalid');
		const b = await invite(null, new Date(Date.now() + 1000));
		await sys(`update public.invitations set expires_at = created_at + interval '1 millisecond' where id = $1`, [b.id]);
		expect(await db.as(joiner, (tx) => acceptInvitation(tx, b.id, b.nonce))).toBe('expired');
		const c = await invite(null);
		await db.as(as('orgAdmin'), (tx) => tx.query(`update public.invitations set revoked_at = now() where id = $1`, [c.id]));
		expect(await db.as(joiner, (tx) => acceptInvitation(tx, c.id, c.nonce))).toBe('revoked');
		const d = await invite('someone-else@test.example');
		expect(await db.as(joiner, (tx) => acceptInvitation(tx, d.id, d.nonce))).toBe('wrong_account');
		expect((await sys(`select 1 from public.memberships where user_id = $1`, [joiner.sub])).length).toBe(0);
		// and an admin cannot mark an invitation accepted by hand
		expect(
			await sqlState(() =>
				db.as(as('orgAdmin'), (tx) => tx.query(`update public.invitations set accepted_at = now() where id = $1`, [d.id]))
			)
		).toBe('42501');
	});

	it('a signed link from another key, for another purpose, or expired is refused before the database', async () => {
		const other = deriveLinkKey(new TextEncoder().encode('another-secret-that-is-long-enough-0123456789'));
		const good = { purpose: 'invitation' as const, subject: uuid(), jti: uuid(), expiresAt: new Date(Date.now() + 60_000) };
		expect(await verifyLink(KEY, 'invitation', await signLink(other, good))).toEqual({ ok: false, reason: 'invalid' });
		expect(await verifyLink(KEY, 'freshness', await signLink(KEY, good))).toEqual({ ok: false, reason: 'invalid' });
		const past = await signLink(KEY, { ...good, expiresAt: new Date(Date.now() - 60_000) });
		expect(await verifyLink(KEY, 'invitation', past)).toEqual({ ok: false, reason: 'expired' });
		expect(await verifyLink(KEY, 'invitation', 'not.a.token')).toEqual({ ok: false, reason: 'invalid' });
	});
});

describe("organisation A never touches organisation B's rows in SQL", () => {
	it('places, locations, activities, openings, requests, photos and confirmations of B stay as they were', async () => {
		const draftB = await draft({ name: 'Bの下書き' }, ORG_OTHER, 'otherVolunteer');
		const publishedB = await published({ name: 'Bの公開中' }, ORG_OTHER, 'otherVolunteer');
		const act = (await db.as(as('otherVolunteer'), (tx) => activitiesOfPlace(tx, draftB)))[0];
		const v = as('volunteer');
		const attempts: [string, (tx: Tx) => Promise<unknown>][] = [
			['update a draft place', (tx) => tx.query(`update public.places set name = '乗っ取り' where id = $1`, [draftB])],
			['update a published place', (tx) => tx.query(`update public.places set name = '乗っ取り' where id = $1`, [publishedB])],
			['delete a draft', (tx) => tx.query(`delete from public.places where id = $1`, [draftB])],
			['move a location', (tx) => tx.query(`update public.place_locations set address = '乗っ取り' where place_id = $1`, [draftB])],
			['change an activity', (tx) => tx.query(`update public.activities set title = '乗っ取り' where id = $1`, [act.id])],
			[
				'add an activity',
				(tx) =>
					tx.query(
						`insert into public.activities (place_id, organization_id, municipality_id, title, rrule, dtstart) values ($1, $2, $3, '乗っ取り', 'FREQ=WEEKLY;BYDAY=MO', '2026-12-01')`,
						[draftB, ORG_OTHER, TOWN_A]
					)
			],
			[
				'add an opening',
				(tx) =>
					tx.query(
						`insert into public.openings (place_id, organization_id, municipality_id, title, capacity, rrule, dtstart) values ($1, $2, $3, '乗っ取り', 1, 'FREQ=WEEKLY;BYDAY=MO', '2026-12-01')`,
						[publishedB, ORG_OTHER, TOWN_A]
					)
			],
			[
				'file a change request',
				(tx) =>
					tx.query(
						`insert into public.change_requests (place_id, organization_id, municipality_id, kind, base, proposed) values ($1, $2, $3, 'place', '{}', '{"name":"乗っ取り"}')`,
						[publishedB, ORG_OTHER, TOWN_A]
					)
			],
			['submit it for review', (tx) => tx.query(`update public.places set status = 'submitted' where id = $1`, [draftB])],
			[
				'add a photo',
				(tx) =>
					tx.query(
						`insert into public.place_photos (place_id, organization_id, municipality_id, storage_key, content_type, width, height, bytes, caption) values ($1, $2, $3, 'x/y.jpg', 'image/jpeg', 1, 1, 1, '乗っ取り')`,
						[publishedB, ORG_OTHER, TOWN_A]
					)
			],
			['confirm it as its organisation', (tx) => tx.query(`select public.confirm_place($1, 'organization')`, [publishedB])],
			[
				'invite someone to B',
				(tx) =>
					tx.query(
						`insert into public.invitations (organization_id, municipality_id, nonce_hash, expires_at) values ($1, $2, $3, now() + interval '1 day')`,
						[ORG_OTHER, TOWN_A, 'b'.repeat(64)]
					)
			]
		];
		for (const [what, run] of attempts) {
			const state = await sqlState(() => db.as(v, run));
			expect(state === null || state === '42501', `${what}: ${state}`).toBe(true);
		}
		const [p] = await sys<{ draft: string; pub: string; status: string }>(
			`select (select name from public.places where id = $1) as draft, (select name from public.places where id = $2) as pub,
			   (select status::text from public.places where id = $1) as status`,
			[draftB, publishedB]
		);
		expect(p).toEqual({ draft: 'Bの下書き', pub: 'Bの公開中', status: 'draft' });
		expect((await sys(`select 1 from public.place_locations where place_id = $1 and address = '乗っ取り'`, [draftB])).length).toBe(0);
		expect((await sys(`select 1 from public.activities where title = '乗っ取り'`)).length).toBe(0);
		expect((await sys(`select 1 from public.openings where title = '乗っ取り'`)).length).toBe(0);
		expect((await sys(`select 1 from public.change_requests where place_id = $1 and kind = 'place'`, [publishedB])).length).toBe(0);
		expect((await sys(`select 1 from public.place_photos where caption = '乗っ取り'`)).length).toBe(0);
		expect(
			(await sys(`select 1 from public.place_confirmations where place_id = $1 and method = 'organization'`, [publishedB])).length
		).toBe(0);
		expect((await sys(`select 1 from public.invitations where organization_id = $1`, [ORG_OTHER])).length).toBe(0);
		// nor read B's drafts and history
		expect(await db.as(v, (tx) => getPlaceRecord(tx, draftB))).toBeNull();
		expect(await db.as(v, (tx) => placeHistory(tx, draftB))).toEqual([]);
	});
});

describe('moderation', () => {
	it('a new listing is public only after a moderator approves it; a send-back keeps the reason', async () => {
		const id = await draft({ name: '差し戻しテストの食堂' });
		expect(await publicName(id)).toBeNull();
		// a volunteer cannot publish it themselves
		expect(
			await sqlState(() => db.as(as('volunteer'), (tx) => tx.query(`update public.places set status = 'published' where id = $1`, [id])))
		).toBe('42501');
		expect(await db.as(as('volunteer'), (tx) => submitListing(tx, id, 'よろしくお願いします'))).toBe('submitted');
		expect(await db.as(as('volunteer'), (tx) => submitListing(tx, id, null))).toBe('already');
		const first = await db.as(as('moderator'), (tx) => pendingRequest(tx, id, 'new_listing', null));
		expect(
			await sqlState(() =>
				db.as(as('volunteer'), (tx) => tx.query(`update public.change_requests set status = 'approved' where id = $1`, [first!.id]))
			)
		).toBe('42501');
		const back = await db.as(as('moderator'), (tx) => returnRequest(tx, first!.id, first!.version, '住所の番地を確認してください'));
		expect(back.ok).toBe(true);
		const seen = await db.as(as('volunteer'), (tx) => getRequest(tx, first!.id));
		expect(seen).toMatchObject({ status: 'returned', reason: '住所の番地を確認してください', decidedBy: USERS.moderator });
		expect((await db.as(as('volunteer'), (tx) => getPlaceRecord(tx, id)))!.meta.status).toBe('draft');
		await db.as(as('volunteer'), (tx) => submitListing(tx, id, null));
		const second = await db.as(as('moderator'), (tx) => pendingRequest(tx, id, 'new_listing', null));
		expect((await db.as(as('moderator'), (tx) => approveRequest(tx, second!.id, second!.version))).ok).toBe(true);
		expect(await publicName(id)).toBe('差し戻しテストの食堂');
		const [p] = await sys<{ verified: boolean; org_public: boolean }>(
			`select p.verified_at is not null as verified, o.is_public as org_public from public.places p join public.organizations o on o.id = p.organization_id where p.id = $1`,
			[id]
		);
		expect(p).toEqual({ verified: true, org_public: true });
	});

	it('a change to a published listing goes public only on approval, and only the fields it changed', async () => {
		const id = await published({ name: '変更前の名前', summary: 'もとの紹介' });
		const before = (await db.as(as('volunteer'), (tx) => getPlaceRecord(tx, id)))!;
		// the volunteer cannot edit it directly
		expect(
			await db.as(as('volunteer'), (tx) => updatePlace(tx, id, before.meta.version, { ...before.fields, name: '直接変更' }, 'form'))
		).toEqual({
			ok: false,
			reason: 'conflict'
		});
		const filed = await db.as(as('volunteer'), (tx) =>
			proposePlaceChange(
				tx,
				id,
				{ requestId: null, version: before.meta.version },
				{ ...before.fields, name: '変更後の名前' },
				'名前を変えました'
			)
		);
		expect(filed.ok).toBe(true);
		expect(await publicName(id)).toBe('変更前の名前');
		// meanwhile the moderator fixes the summary directly
		await db.as(as('moderator'), (tx) =>
			updatePlace(tx, id, before.meta.version, { ...before.fields, summary: '社協が直した紹介' }, 'moderator')
		);
		const r = (await db.as(as('moderator'), (tx) => pendingRequest(tx, id, 'place', null)))!;
		expect((await db.as(as('moderator'), (tx) => approveRequest(tx, r.id, r.version))).ok).toBe(true);
		const after = (
			await db.as(ANON, (tx) => tx.query<{ name: string; summary: string }>('select name, summary from public.places where id = $1', [id]))
		)[0];
		expect(after).toEqual({ name: '変更後の名前', summary: '社協が直した紹介' });
	});

	it('a trusted organisation edits its published listing directly, but still cannot publish or confirm by hand', async () => {
		const id = await published({ name: '信頼テスト' });
		await db.as(as('moderator'), (tx) => tx.query('update public.organizations set trusted = true where id = $1', [ORG_OWN]));
		try {
			const l = (await db.as(as('volunteer'), (tx) => getPlaceRecord(tx, id)))!;
			expect(
				(await db.as(as('volunteer'), (tx) => updatePlace(tx, id, l.meta.version, { ...l.fields, name: '信頼テスト（改）' }, 'trusted'))).ok
			).toBe(true);
			expect(await publicName(id)).toBe('信頼テスト（改）');
			expect(
				await sqlState(() => db.as(as('volunteer'), (tx) => tx.query(`update public.places set status = 'archived' where id = $1`, [id])))
			).toBe('42501');
			expect(
				await sqlState(() => db.as(as('volunteer'), (tx) => tx.query(`update public.places set verified_at = now() where id = $1`, [id])))
			).toBe('42501');
			const d = await draft({ name: '信頼団体の新規' });
			expect(
				await sqlState(() => db.as(as('volunteer'), (tx) => tx.query(`update public.places set status = 'published' where id = $1`, [d])))
			).toBe('42501');
		} finally {
			await db.as(as('moderator'), (tx) => tx.query('update public.organizations set trusted = false where id = $1', [ORG_OWN]));
		}
	});

	it('adding an activity to a published listing is a request too', async () => {
		const id = await published({ name: '活動追加テスト' });
		const newId = uuid();
		const r = await db.as(as('volunteer'), (tx) =>
			proposeActivityChange(
				tx,
				id,
				'create',
				null,
				{ requestId: null, version: 0 },
				{ ...activity({ title: '夏休み学習会', pattern: 'weekly', weekdays: ['3'] }), id: newId }
			)
		);
		expect(r.ok).toBe(true);
		expect((await sys(`select 1 from public.activities where id = $1`, [newId])).length).toBe(0);
		const req = (await db.as(as('moderator'), (tx) => getRequest(tx, r.ok ? r.requestId : '')))!;
		const decided = await db.as(as('moderator'), (tx) => approveRequest(tx, req.id, req.version));
		expect(decided.ok && decided.activityIds).toEqual([newId]);
		expect((await db.as(ANON, (tx) => tx.query(`select title from public.activities where id = $1`, [newId])))[0]).toEqual({
			title: '夏休み学習会'
		});
	});
});

describe('optimistic locking and repeats', () => {
	it('a second editor gets a conflict instead of overwriting the first', async () => {
		const id = await draft({ name: '同時編集テスト' });
		const start = (await db.as(as('volunteer'), (tx) => getPlaceRecord(tx, id)))!;
		const first = await db.as(as('volunteer'), (tx) =>
			updatePlace(tx, id, start.meta.version, { ...start.fields, summary: '一人目' }, 'form')
		);
		const second = await db.as(as('orgAdmin'), (tx) =>
			updatePlace(tx, id, start.meta.version, { ...start.fields, summary: '二人目' }, 'form')
		);
		expect(first.ok).toBe(true);
		expect(second).toEqual({ ok: false, reason: 'conflict' });
		expect((await db.as(as('volunteer'), (tx) => getPlaceRecord(tx, id)))!.fields.summary).toBe('一人目');
	});

	it('sending the same form twice makes one listing, one activity, one invitation, one suggestion', async () => {
		const id = uuid();
		const activityId = uuid();
		const make = () =>
			db.as(as('volunteer'), (tx) =>
				createListing(tx, {
					id,
					organizationId: ORG_OWN,
					fields: place({ name: '二度押し食堂' }),
					activity: { ...activity(), id: activityId }
				})
			);
		expect(await make()).toBe(true);
		expect(await make()).toBe(false);
		expect((await sys(`select 1 from public.places where id = $1`, [id])).length).toBe(1);
		expect((await sys(`select 1 from public.activities where place_id = $1`, [id])).length).toBe(1);
		const inv = uuid();
		const invite = () =>
			db.as(as('orgAdmin'), (tx) =>
				createInvitation(tx, {
					id: inv,
					organizationId: ORG_OWN,
					email: null,
					nonceHash: 'c'.repeat(64),
					expiresAt: new Date(Date.now() + 86_400_000)
				})
			);
		expect(await invite()).toBe(true);
		expect(await invite()).toBe(false);
		const sid = uuid();
		const values = {
			id: sid,
			municipality_id: TOWN_A,
			place_id: '',
			kind: 'missing',
			place_name: '駅前カフェ',
			location_text: '',
			body: '毎週水曜にやっています',
			contact: ''
		};
		expect(await db.as(ANON, (tx) => submitSuggestion(tx, values, 'repeat-key'))).toBe('accepted');
		expect(await db.as(ANON, (tx) => submitSuggestion(tx, values, 'repeat-key'))).toBe('duplicate');
		expect((await sys(`select 1 from public.suggestions where id = $1`, [sid])).length).toBe(1);
	});
});

describe('history', () => {
	it('records who, when, how, and only the fields that changed; nobody can rewrite it', async () => {
		const id = await published({ name: '履歴テスト' });
		const l = (await db.as(as('moderator'), (tx) => getPlaceRecord(tx, id)))!;
		await db.as(as('moderator'), (tx) =>
			updatePlace(tx, id, l.meta.version, { ...l.fields, summary: '新しい紹介', lon: '138.3611' }, 'moderator')
		);
		const h = await db.as(as('volunteer'), (tx) => placeHistory(tx, id));
		const summary = h.find((e) => e.entity === 'place' && e.after && 'summary' in e.after);
		expect(summary).toMatchObject({
			action: 'update',
			via: 'moderator',
			actorName: '佐藤 一郎（社協 モデレーター）',
			after: { summary: '新しい紹介' }
		});
		expect(Object.keys(summary!.after!)).toEqual(['summary']);
		const moved = h.find((e) => e.entity === 'location' && e.action === 'update');
		expect(moved?.before).toMatchObject({ lon: 138.3601 });
		expect(moved?.after).toMatchObject({ lon: 138.3611 });
		expect(h.some((e) => e.entity === 'place' && e.action === 'insert' && e.via === 'form')).toBe(true);
		expect(h.some((e) => e.after?.status === 'published' && e.via === 'approval')).toBe(true);
		// the derived public point moving is not a change of its own
		expect(h.filter((e) => e.entity === 'place' && e.action === 'update' && !e.after).length).toBe(0);
		for (const sql of [
			'update public.place_history set via = $2 where place_id = $1',
			'delete from public.place_history where place_id = $1 and $2 = $2'
		])
			expect(await sqlState(() => db.as(as('moderator'), (tx) => tx.query(sql, [id, 'x'])))).toBe('42501');
	});
});

describe('freshness', () => {
	it('the organisation and staff (after a call) confirm; others cannot', async () => {
		const id = await published({ name: '確認テスト' });
		await sys(`update public.places set verified_at = now() - interval '400 days' where id = $1`, [id]);
		await db.as(as('volunteer'), (tx) => confirmListing(tx, id, 'organization', null));
		await db.as(as('coordinator'), (tx) => confirmListing(tx, id, 'staff_phone', '代表の方に電話で確認'));
		expect(await sqlState(() => db.as(as('otherVolunteer'), (tx) => confirmListing(tx, id, 'organization', null)))).toBe('42501');
		expect(await sqlState(() => db.as(as('agencyStaff'), (tx) => confirmListing(tx, id, 'staff_phone', null)))).toBe('42501');
		expect(await sqlState(() => db.as(as('volunteer'), (tx) => confirmListing(tx, id, 'staff_phone', null)))).toBe('42501');
		const rows = await sys<{ method: string; confirmed_by: string; note: string | null }>(
			`select method, confirmed_by, note from public.place_confirmations where place_id = $1 and method <> 'approval' order by confirmed_at`,
			[id]
		);
		expect(rows).toEqual([
			{ method: 'organization', confirmed_by: USERS.volunteer, note: null },
			{ method: 'staff_phone', confirmed_by: USERS.coordinator, note: '代表の方に電話で確認' }
		]);
	});

	it('the one-tap link confirms once, without a login, and not after it expires', async () => {
		const id = await published({ name: 'ワンタップ確認テスト' });
		await sys(`update public.places set verified_at = now() - interval '300 days' where id = $1`, [id]);
		const mailer = createOutboxMailer(db.driver);
		const now = new Date();
		const sent = await sendReminder({ driver: db.driver, mailer, linkKey: KEY, origin: 'http://localhost', locale: 'ja', now }, id);
		expect(sent).toBeGreaterThanOrEqual(1);
		const [mail] = await sys<{ body: string; municipality_id: string; subject: string }>(
			`select body, municipality_id, subject from private.mail_outbox where kind = 'freshness_reminder' and body like '%ワンタップ確認テスト%' order by created_at desc limit 1`
		);
		expect(mail.subject).toContain('ワンタップ確認テスト');
		expect(mail.municipality_id).toBe(TOWN_A);
		const token = /\/confirm\/([A-Za-z0-9_.-]+)/.exec(mail.body)![1];
		expect((await viewFreshnessLink(db.driver, KEY, token, now)).state).toBe('ok');
		// viewing changed nothing (mail scanners open links)
		expect(
			(await sys<{ old: boolean }>(`select verified_at < now() - interval '200 days' as old from public.places where id = $1`, [id]))[0].old
		).toBe(true);
		expect(await confirmByLink(db.driver, KEY, token, now)).toBe('ok');
		expect(await confirmByLink(db.driver, KEY, token, now)).toBe('used');
		const [c] = await sys<{ method: string; confirmed_by: string | null }>(
			`select method, confirmed_by from public.place_confirmations where place_id = $1 and method = 'one_tap'`,
			[id]
		);
		expect(c).toEqual({ method: 'one_tap', confirmed_by: null });
		const h = await db.as(as('volunteer'), (tx) => placeHistory(tx, id));
		expect(h[0]).toMatchObject({ via: 'one_tap', actorName: null });
		await sendReminder({ driver: db.driver, mailer, linkKey: KEY, origin: 'http://localhost', locale: 'ja', now }, id);
		const [later] = await sys<{ body: string }>(
			`select body from private.mail_outbox where body like '%ワンタップ確認テスト%' order by created_at desc limit 1`
		);
		const token2 = /\/confirm\/([A-Za-z0-9_.-]+)/.exec(later.body)![1];
		expect(await confirmByLink(db.driver, KEY, token2, new Date(now.getTime() + 31 * 86_400_000))).toBe('expired');
		expect(await confirmByLink(db.driver, KEY, token2.slice(0, -3) + 'abc', now)).toBe('invalid');
	});
});

describe('resident suggestions', () => {
	it('anyone may send one; five an hour per sender; the place must be public', async () => {
		const key = `k-${uuid()}`;
		const send = (over: Record<string, string> = {}) =>
			db.as(ANON, (tx) =>
				submitSuggestion(
					tx,
					{
						id: uuid(),
						municipality_id: TOWN_A,
						place_id: '',
						kind: 'wrong',
						place_name: '',
						location_text: '',
						body: '時間が変わっています',
						contact: '',
						...over
					},
					key
				)
			);
		for (let i = 0; i < 5; i++) expect(await send()).toBe('accepted');
		expect(await send()).toBe('rate_limited');
		const hidden = await draft({ name: '非公開の場所' });
		expect(
			await sqlState(() =>
				db.as(ANON, (tx) =>
					submitSuggestion(
						tx,
						{
							id: uuid(),
							municipality_id: TOWN_A,
							place_id: hidden,
							kind: 'wrong',
							place_name: '',
							location_text: '',
							body: 'x',
							contact: ''
						},
						'other'
					)
				)
			)
		).toBe('22023');
		// residents cannot read them back
		expect(await sqlState(() => db.as(ANON, (tx) => tx.query('select * from public.suggestions')))).toBe('42501');
		expect(await db.as(as('outsider'), (tx) => tx.query('select * from public.suggestions'))).toEqual([]);
	});
});

describe('sign-up', () => {
	const cookies = {} as Cookies;
	const auth = () =>
		createEmbeddedAuth(db.driver, { secret: new TextEncoder().encode('a-test-secret-that-is-long-enough-0123456789'), secure: false });

	it('an account is unconfirmed until its signed link is opened, once', async () => {
		const a = auth();
		const email = `new-${uuid()}@test.example`;
		const r = await a.signUp(cookies, {
			email,
			password: 'ながい-password-1',
			displayName: '新 規子',
			ip: '192.0.2.10',
			redirectTo: 'http://localhost/auth/confirm'
		});
		expect(r.ok && r.mail).toBe('confirmation');
		expect(await a.signIn({ set() {}, get() {}, delete() {} } as unknown as Cookies, email, 'ながい-password-1', null)).toEqual({
			ok: false,
			reason: 'unconfirmed'
		});
		const token = r.ok && r.mail === 'confirmation' ? r.token : '';
		expect(await a.confirmEmail(cookies, token)).toBe('confirmed');
		expect(await a.confirmEmail(cookies, token)).toBe('used');
		const [u] = await sys<{ confirmed: boolean; name: string }>(
			`select email_confirmed_at is not null as confirmed, raw_user_meta_data ->> 'display_name' as name from auth.users where email = $1`,
			[email]
		);
		expect(u).toEqual({ confirmed: true, name: '新 規子' });
		// signing up again with a confirmed address sends a notice, not a link
		expect(await a.signUp(cookies, { email, password: 'another-password-2', displayName: 'x', ip: '192.0.2.10', redirectTo: '' })).toEqual({
			ok: true,
			mail: 'exists'
		});
	});

	it('a second sign-up for an unconfirmed address voids the first link; too many sign-ups from one address are refused', async () => {
		const a = auth();
		const email = `twice-${uuid()}@test.example`;
		const first = await a.signUp(cookies, { email, password: 'first-password-1', displayName: 'a', ip: '192.0.2.20', redirectTo: '' });
		const second = await a.signUp(cookies, { email, password: 'second-password-2', displayName: 'b', ip: '192.0.2.20', redirectTo: '' });
		expect(await a.confirmEmail(cookies, first.ok && first.mail === 'confirmation' ? first.token : '')).toBe('used');
		expect(await a.confirmEmail(cookies, second.ok && second.mail === 'confirmation' ? second.token : '')).toBe('confirmed');
		let last;
		for (let i = 0; i < 11; i++)
			last = await a.signUp(cookies, {
				email: `flood-${i}-${uuid()}@test.example`,
				password: 'flood-password-1',
				displayName: 'f',
				ip: '192.0.2.99',
				redirectTo: ''
			});
		expect(last).toEqual({ ok: false, reason: 'rate_limited' });
	});
});

describe('display names', () => {
	it('are told to people who share an organisation or a municipality as staff, never to strangers', async () => {
		expect(
			(await db.as(as('volunteer'), (tx) => displayNames(tx, [USERS.orgAdmin, USERS.foreignModerator]))).has(USERS.foreignModerator)
		).toBe(false);
		expect((await db.as(as('moderator'), (tx) => displayNames(tx, [USERS.volunteer]))).get(USERS.volunteer)).toBe(
			'山田 花子（ボランティア）'
		);
		expect((await db.as(as('outsider'), (tx) => displayNames(tx, [USERS.volunteer]))).size).toBe(0);
		expect(await sqlState(() => db.as(ANON, (tx) => tx.query('select * from public.display_names($1::uuid[])', [[USERS.volunteer]])))).toBe(
			'42501'
		);
	});
});

describe('overdue listings in the search', () => {
	it('come after the confirmed ones in the default order, and are still found', async () => {
		const { searchPlaces } = await import('../../src/lib/server/places/search');
		const { parseSearch } = await import('../../src/lib/domain/places/search');
		const { freshness } = await import('../../src/lib/domain/places/freshness');
		const now = new Date();
		const { places } = await db.as(ANON, (tx) => searchPlaces(tx, parseSearch(new URLSearchParams('')).filter, now, 1000));
		const states = places.map((p) => freshness(p.category, p.verifiedAt, now).state === 'overdue');
		expect(states.includes(true) && states.includes(false)).toBe(true);
		// every overdue place after every other one
		expect(states.indexOf(true)).toBeGreaterThan(states.lastIndexOf(false));
	});
});

// PGlite runs one transaction at a time; real concurrency is checked on PostgreSQL.
// (registered only there, so PGlite runs report no skipped tests)
if (onPostgres)
	describe('concurrent editors and double submits (PostgreSQL)', () => {
		it('two simultaneous saves from the same version: one wins, the other gets a conflict', async () => {
			const id = await draft({ name: '同時保存テスト' });
			const start = (await db.as(as('volunteer'), (tx) => getPlaceRecord(tx, id)))!;
			const results = await Promise.all(
				['一人目', '二人目'].map((summary, i) =>
					db.as(as(i ? 'orgAdmin' : 'volunteer'), (tx) => updatePlace(tx, id, start.meta.version, { ...start.fields, summary }, 'form'))
				)
			);
			expect(results.filter((r) => r.ok)).toHaveLength(1);
			expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'conflict' }]);
		});

		it('the same new listing sent twice at once makes one row', async () => {
			const id = uuid();
			const send = () =>
				db.as(as('volunteer'), (tx) =>
					createListing(tx, {
						id,
						organizationId: ORG_OWN,
						fields: place({ name: '同時送信テスト' }),
						activity: { ...activity(), id: uuid() }
					})
				);
			const results = await Promise.allSettled([send(), send()]);
			const refused = results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.code);
			expect(refused.every((c) => c === '23505')).toBe(true);
			expect((await sys(`select 1 from public.places where id = $1`, [id])).length).toBe(1);
		});
	});
