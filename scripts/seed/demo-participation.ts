/**
 * A few fictional participants of ひだまり市 with placements at every stage, so the coordinator's
 * lists and the numbers page have something to show in the demo. Codes only, no names; dates
 * count back from the seed day. Placements walk the real workflow (the database's transition
 * guard applies to the seed as well).
 */
import { followUpsFor } from '$lib/domain/participation/follow-ups';
import { windowsFromSlots } from '$lib/domain/participation/availability';
import type { Tx } from '../../src/lib/server/platform/db/types';
import { demoId } from './random';
import { DEMO_MUNICIPALITY, DEMO_USERS, type DemoTown } from './demo-town';
import { DAY_MS, HOUR_MS, todayJst } from '$lib/domain/shared/schedule/jst';

const jst = todayJst;

interface DemoParticipant {
	code: string;
	ageBand: string;
	targets: string[];
	interests: string[];
	goals: string[];
	slots: string[];
	registeredDaysAgo: number;
	/** what became of the first placement, if any */
	story: 'none' | 'proposed' | 'asked' | 'declined' | 'active' | 'ended';
}

const PEOPLE: DemoParticipant[] = [
	{
		code: 'H-0001',
		ageBand: '60s',
		targets: ['elderly'],
		interests: ['gardening'],
		goals: ['friends'],
		slots: ['2-am', '4-am'],
		registeredDaysAgo: 130,
		story: 'active'
	},
	{
		code: 'H-0002',
		ageBand: '20s',
		targets: ['youth', 'hikikomori'],
		interests: ['computers', 'books'],
		goals: ['work_prep'],
		slots: ['1-pm', '3-pm', '5-pm'],
		registeredDaysAgo: 45,
		story: 'asked'
	},
	{
		code: 'H-0003',
		ageBand: '40s',
		targets: ['poverty'],
		interests: ['cooking'],
		goals: ['work_prep'],
		slots: ['1-am', '2-am', '3-am', '4-am', '5-am'],
		registeredDaysAgo: 70,
		story: 'declined'
	},
	{
		code: 'H-0004',
		ageBand: '30s',
		targets: ['youth'],
		interests: ['farming'],
		goals: ['work_prep'],
		slots: ['1-am', '1-pm', '3-am', '3-pm'],
		registeredDaysAgo: 220,
		story: 'ended'
	},
	{
		code: 'H-0005',
		ageBand: '70s',
		targets: ['elderly'],
		interests: ['music'],
		goals: ['ibasho'],
		slots: ['2-pm', '5-pm'],
		registeredDaysAgo: 12,
		story: 'none'
	},
	{
		code: 'H-0006',
		ageBand: '10s',
		targets: ['children', 'youth'],
		interests: ['sports'],
		goals: ['friends'],
		slots: ['6-am', '6-pm'],
		registeredDaysAgo: 25,
		story: 'proposed'
	}
];

export async function writeDemoParticipation(tx: Tx, town: DemoTown, today: Date): Promise<void> {
	const coordinator = DEMO_USERS.find((u) => u.role === 'coordinator')!.id;
	const muni = DEMO_MUNICIPALITY.id;
	const districts = town.areas.filter((a) => a.kind === 'district');
	const at = (days: number) => new Date(today.getTime() - days * DAY_MS);
	const openings = town.openings.filter((o) => o.visibility === 'public');
	for (const [i, p] of PEOPLE.entries()) {
		const id = demoId(`participant:${p.code}`);
		const registered = jst(at(p.registeredDaysAgo));
		await tx.query(
			`insert into casework.participants (id, municipality_id, code, area_id, age_band, target_groups, interests, goals,
			   availability, modes, max_minutes, registered_on, waiting_since, created_by)
			 values ($1, $2, $3, $4, $5, $6::text[]::public.target_group[], $7, $8, $9::jsonb, '{walk,bus}', 30, $10, $10, $11)`,
			[
				id,
				muni,
				p.code,
				districts[i % districts.length].id,
				p.ageBand,
				p.targets,
				p.interests,
				p.goals,
				JSON.stringify(windowsFromSlots(p.slots)),
				registered,
				coordinator
			]
		);
		await tx.query('insert into casework.participant_coordinators (participant_id, municipality_id, user_id) values ($1, $2, $3)', [
			id,
			muni,
			coordinator
		]);
		if (p.story === 'none') continue;
		const opening = openings[(i * 7) % openings.length];
		const placement = demoId(`placement:${p.code}`);
		await tx.query(
			`insert into casework.placements (id, municipality_id, participant_id, opening_id, organization_id, opening_title, created_by, created_at)
			 values ($1, $2, $3, $4, $2, '', $5, $6)`,
			[placement, muni, id, opening.id, coordinator, at(p.registeredDaysAgo - 5)]
		);
		const step = (set: string, params: unknown[]) =>
			tx.query(`update casework.placements set ${set} where id = $1`, [placement, ...params]);
		if (p.story === 'proposed') continue;
		const askedDaysAgo = p.story === 'asked' ? 2 : p.registeredDaysAgo - 7;
		await step(`status = 'asked', ask_channel = 'phone', asked_at = $2`, [at(askedDaysAgo)]);
		if (p.story === 'asked') continue;
		const replied = new Date(at(askedDaysAgo).getTime() + (20 + i * 6) * HOUR_MS);
		if (p.story === 'declined') {
			await step(`status = 'declined', host_reply = 'difficult', host_decline_reason = 'full', host_replied_at = $2`, [replied]);
			continue;
		}
		await step(`status = 'accepted', host_reply = 'ok', host_replied_at = $2`, [replied]);
		const startedOn = jst(at(askedDaysAgo - 10));
		await step(`status = 'trial_visit', trial_visit_on = $2`, [jst(at(askedDaysAgo - 5))]);
		await step(`status = 'active', started_on = $2`, [startedOn]);
		for (const f of followUpsFor(startedOn)) {
			const done = f.dueOn <= jst(today);
			await tx.query(
				`insert into casework.follow_ups (municipality_id, placement_id, kind, due_on, done_on, self_report, done_by)
				 values ($1, $2, $3, $4, $5, $6, $7)`,
				[muni, placement, f.kind, f.dueOn, done ? f.dueOn : null, done ? 'good' : null, done ? coordinator : null]
			);
		}
		if (p.story === 'ended') await step(`status = 'ended', ended_on = $2, end_reason = 'employed'`, [jst(at(30))]);
	}
}
