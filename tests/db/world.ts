/**
 * The people and rows the RLS tests act with: the demo town's users plus a few more,
 * and a second municipality to prove tenants stay apart.
 */
import { ANON, type Claims, type Tx } from '../../src/lib/server/platform/db/index';
import { DEMO_MUNICIPALITY, DEMO_ORGS, DEMO_USERS } from '../../scripts/seed/index';
import { demoId } from '../../scripts/seed/random';
import type { ParticipantForm } from '../../src/lib/domain/participation/schemas';
import { user } from './helpers';

const demo = (role: string) => DEMO_USERS.find((u) => u.role === role)!.id;

export const TOWN_A = DEMO_MUNICIPALITY.id;
export const TOWN_B = demoId('test:municipality:b');
export const ORG_OWN = DEMO_ORGS.kodomo.id; // the volunteer's NPO
export const ORG_OTHER = DEMO_ORGS.honmachi.id; // another organisation in town A
export const ORG_SHAKYO = DEMO_ORGS.shakyo.id;
export const ORG_B = demoId('test:org:b-shakyo');

export const USERS = {
	outsider: demoId('test:user:outsider'),
	volunteer: demo('volunteer'),
	orgAdmin: demoId('test:user:org-admin'),
	otherVolunteer: demoId('test:user:other-volunteer'),
	moderator: demo('moderator'),
	coordinator: demo('coordinator'),
	agencyStaff: demo('agency_staff'),
	tenantAdmin: demo('admin'),
	foreignModerator: demoId('test:user:foreign-moderator')
};

export type Actor = 'anon' | keyof typeof USERS;
export const ACTORS: Actor[] = ['anon', ...(Object.keys(USERS) as (keyof typeof USERS)[])];

export function claimsOf(actor: Actor, aal: 'aal1' | 'aal2' = 'aal1'): Claims {
	return actor === 'anon' ? ANON : user(USERS[actor], aal);
}

/** Adds the people and the second town that the demo seed does not have. */
export async function buildWorld(sys: Tx): Promise<void> {
	await sys.query(`insert into public.municipalities (id, code, name, prefecture) values ($1, '229989', 'となり町', '静岡県')`, [TOWN_B]);
	await sys.query(
		`insert into public.organizations (id, municipality_id, kind, name) values ($1, $2, 'shakyo', 'となり町社会福祉協議会')`,
		[ORG_B, TOWN_B]
	);
	const extra: [string, string, string, string][] = [
		[USERS.outsider, 'outsider@test.example', '', ''],
		[USERS.orgAdmin, 'org-admin@test.example', ORG_OWN, 'admin'],
		[USERS.otherVolunteer, 'other-volunteer@test.example', ORG_OTHER, 'volunteer'],
		[USERS.foreignModerator, 'foreign-moderator@test.example', ORG_B, 'moderator']
	];
	for (const [id, email, org, role] of extra) {
		await sys.query(`insert into auth.users (id, email, email_confirmed_at) values ($1, $2, now())`, [id, email]);
		if (org)
			await sys.query(
				`insert into public.memberships (user_id, organization_id, municipality_id, role)
				 select $1, id, municipality_id, $3 from public.organizations where id = $2`,
				[id, org, role]
			);
	}
}

/** A participant as a coordinator registers one (参加支援). */
export const PARTICIPANT_FORM: ParticipantForm = {
	code: 'T-1',
	real_name: '試験 太郎',
	real_name_kana: 'しけん たろう',
	area_id: '',
	age_band: '30s',
	target_groups: ['hikikomori'],
	interests: ['books'],
	strengths: '',
	goals: [],
	availability: ['4-am'],
	modes: ['walk'],
	max_minutes: '20',
	required_accommodations: ['quiet'],
	preferences: [],
	needs_companion_first_visit: true,
	notes: '',
	share_summary_with_host: true,
	version: 0
};
