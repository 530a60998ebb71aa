/**
 * Writes the demo town (and, for benchmarks, synthetic places) through the system path.
 */
import { refreshOccurrences } from '../../src/lib/server/places/occurrences';
import { asSystem } from '../../src/lib/server/platform/db/system';
import type { Driver, Tx } from '../../src/lib/server/platform/db/types';
import { writeDemoParticipation } from './demo-participation';
import { buildDemoTown, DEMO_MUNICIPALITY, DEMO_PASSWORD, type DemoSchedule } from './demo-town';
import { DAY_MS } from '$lib/domain/shared/schedule/jst';

export { DEMO_PASSWORD, DEMO_USERS, DEMO_MUNICIPALITY, DEMO_ORGS, DEMO_EXAMPLE_OPENING_TITLE } from './demo-town';

function boxPolygon([w, s, e, n]: [number, number, number, number]): string {
	return `SRID=4326;MULTIPOLYGON(((${w} ${s},${e} ${s},${e} ${n},${w} ${n},${w} ${s})))`;
}

function scheduleParams(s: DemoSchedule) {
	return [s.rrule, s.dtstart, s.startTime, s.endTime, s.holidayPolicy, JSON.stringify(s.closures), s.scheduleNote];
}

export async function isSeeded(driver: Driver): Promise<boolean> {
	return asSystem(driver, async (tx) => {
		const rows = await tx.query('select 1 from public.municipalities where code = $1', [DEMO_MUNICIPALITY.code]);
		return rows.length > 0;
	});
}

/** The demo town, as of `today` (verification dates count back from it; dates expand from it). */
export async function seedDemoTown(driver: Driver, today = new Date()): Promise<void> {
	await writeDemoTown(driver, today);
	await refreshOccurrences(driver, today);
}

async function writeDemoTown(driver: Driver, today: Date): Promise<void> {
	const town = buildDemoTown();
	await asSystem(driver, async (tx) => {
		const m = DEMO_MUNICIPALITY;
		await tx.query('insert into public.municipalities (id, code, name, prefecture) values ($1, $2, $3, $4)', [
			m.id,
			m.code,
			m.name,
			m.prefecture
		]);
		for (const a of town.areas) {
			await tx.query(
				`insert into public.areas (id, municipality_id, parent_id, kind, tier, name, boundary)
				 values ($1, $2, $3, $4, $5, $6, $7::extensions.geography)`,
				[a.id, m.id, a.parentId, a.kind, a.tier, a.name, boxPolygon(a.box)]
			);
		}
		for (const o of town.organizations) {
			await tx.query(
				`insert into public.organizations (id, municipality_id, kind, name, name_kana, phone, email)
				 values ($1, $2, $3, $4, $5, $6, $7)`,
				[o.id, m.id, o.kind, o.name, o.nameKana, o.phone, o.email]
			);
		}
		await insertUsers(tx, town.users, m.id);
		for (const p of town.places) {
			const verifiedAt = p.verifiedDaysAgo === null ? null : new Date(today.getTime() - p.verifiedDaysAgo * DAY_MS);
			await tx.query(
				`insert into public.places (id, municipality_id, organization_id, area_id, name, summary, description,
				   category, target_groups, accommodations, venue_type, venue_name, fee_yen, fee_note, accessibility,
				   access_note, contact_phone, disclosure, status, verified_at, verified_by)
				 values ($1, $2, $3, $4, $5, $6, $7, $8, $9::text[]::public.target_group[], $10::text[]::public.accommodation[],
				   $11, $12, $13, $14, $15, $16, $17, $18, $19, $20,
				   case when $20::timestamptz is null then null else $21::uuid end)`,
				[
					p.id,
					m.id,
					p.organizationId,
					p.areaId,
					p.name,
					p.summary,
					p.description,
					p.category,
					p.targetGroups,
					p.accommodations,
					p.venueType,
					p.venueName,
					p.feeYen,
					p.feeNote,
					p.accessibility,
					p.accessNote,
					p.contactPhone,
					p.disclosure,
					p.status,
					verifiedAt,
					town.users.find((u) => u.role === 'moderator')!.id
				]
			);
			await tx.query(
				`insert into public.place_locations (place_id, organization_id, municipality_id, location, address)
				 values ($1, $2, $3, extensions.st_setsrid(extensions.st_makepoint($4, $5), 4326)::extensions.geography, $6)`,
				[p.id, p.organizationId, m.id, p.lon, p.lat, p.address]
			);
			await tx.query(
				`insert into public.activities (municipality_id, organization_id, place_id, title,
				   rrule, dtstart, start_time, end_time, holiday_policy, closures, schedule_note)
				 values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
				[m.id, p.organizationId, p.id, p.activity.title, ...scheduleParams(p.activity)]
			);
		}
		for (const o of town.openings) {
			await tx.query(
				`insert into public.openings (id, municipality_id, organization_id, place_id, title, description,
				   capacity, accommodations, target_groups, age_min, age_max, visibility,
				   rrule, dtstart, start_time, end_time, holiday_policy, closures, schedule_note, interests, goals)
				 values ($1, $2, $3, $4, $5, $6, $7, $8::text[]::public.accommodation[], $9::text[]::public.target_group[],
				   $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)`,
				[
					o.id,
					m.id,
					o.organizationId,
					o.placeId,
					o.title,
					o.description,
					o.capacity,
					o.accommodations,
					o.targetGroups,
					o.ageMin,
					o.ageMax,
					o.visibility,
					...scheduleParams(o.schedule),
					o.interests,
					o.goals
				]
			);
		}
		await writeDemoParticipation(tx, town, today);
	});
}

/**
 * Users as Supabase Auth (GoTrue) itself would write them, so the demo logins work there too:
 * GoTrue reads the token columns as strings (a NULL fails every sign-in with "Database error
 * querying schema") and signs in with a password only through an `email` identity.
 */
async function insertUsers(tx: Tx, users: ReturnType<typeof buildDemoTown>['users'], municipalityId: string) {
	const [{ gotrue }] = await tx.query<{ gotrue: boolean }>(`select to_regclass('auth.identities') is not null as gotrue`);
	for (const u of users) {
		await tx.query(
			`insert into auth.users (id, aud, role, email, encrypted_password, email_confirmed_at, raw_app_meta_data, raw_user_meta_data)
			 values ($1, 'authenticated', 'authenticated', $2, extensions.crypt($3, extensions.gen_salt('bf', 10)), now(),
			         '{"provider": "email", "providers": ["email"]}', $4)`,
			[u.id, u.email, DEMO_PASSWORD, JSON.stringify({ display_name: u.displayName })]
		);
		if (gotrue) {
			await tx.query(
				`update auth.users set instance_id = '00000000-0000-0000-0000-000000000000', created_at = now(), updated_at = now(),
				   confirmation_token = '', recovery_token = '', email_change_token_new = '', email_change = ''
				 where id = $1`,
				[u.id]
			);
			await tx.query(
				`insert into auth.identities (provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
				 values ($1::text, $1::uuid, jsonb_build_object('sub', $1::text, 'email', $2::text, 'email_verified', true), 'email', now(), now(), now())`,
				[u.id, u.email]
			);
		}
		await tx.query('insert into public.memberships (user_id, organization_id, municipality_id, role) values ($1, $2, $3, $4)', [
			u.id,
			u.organizationId,
			municipalityId,
			u.role
		]);
	}
}
