/**
 * Expands activity schedules into public.activity_occurrences for the coming months.
 * A background job in the system path: run after the seed, after an activity changes, and
 * once a day (ensureOccurrences checks the horizon on each search).
 */
import { bandsOf, occurrences } from '$lib/domain/shared/schedule';
import { asSystem } from '../platform/db/system';
import type { Driver, Tx } from '../platform/db/types';
import { scheduleColumns, scheduleFromRow, type ScheduleRow } from './schedules';
import { DAY_MS, todayJst } from '$lib/domain/shared/schedule/jst';

export const HORIZON_DAYS = 120;

/** Rewrites the occurrences of the given activities (all when omitted) from yesterday on. */
export async function refreshOccurrences(driver: Driver, now: Date, activityIds?: string[]): Promise<number> {
	const from = new Date(now.getTime() - DAY_MS);
	const to = new Date(now.getTime() + HORIZON_DAYS * DAY_MS);
	return asSystem(driver, async (tx) => {
		const rows = await tx.query<ScheduleRow & { id: string; place_id: string; municipality_id: string }>(
			`select a.id, a.place_id, a.municipality_id, ${scheduleColumns('a')}
			 from public.activities a ${activityIds ? 'where a.id = any ($1::uuid[])' : ''}`,
			activityIds ? [activityIds] : []
		);
		if (activityIds) await tx.query('delete from public.activity_occurrences where activity_id = any ($1::uuid[])', [activityIds]);
		else await tx.query('delete from public.activity_occurrences');
		let written = 0;
		for (let i = 0; i < rows.length; i += 500) {
			const batch = rows.slice(i, i + 500);
			const cols: [string[], string[], string[], Date[], Date[], string[]] = [[], [], [], [], [], []];
			for (const row of batch) {
				const schedule = scheduleFromRow(row);
				// a text[] per row travels as its array literal inside the outer array
				const bands = `{${bandsOf(schedule).join(',')}}`;
				for (const o of occurrences(schedule, from, to)) {
					cols[0].push(row.id);
					cols[1].push(row.place_id);
					cols[2].push(row.municipality_id);
					cols[3].push(o.start);
					cols[4].push(o.end);
					cols[5].push(bands);
				}
			}
			if (!cols[0].length) continue;
			await tx.query(
				`insert into public.activity_occurrences (activity_id, place_id, municipality_id, starts_at, ends_at, bands)
				 select a, p, m, s, e, b::text[] from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::timestamptz[], $5::timestamptz[], $6::text[]) as t(a, p, m, s, e, b)`,
				cols
			);
			written += cols[0].length;
		}
		if (!activityIds) await setHorizon(tx, todayJst(now), todayJst(to));
		return written;
	});
}

async function setHorizon(tx: Tx, on: string, through: string) {
	await tx.query(
		`insert into private.occurrence_horizon (id, computed_on, through) values (true, $1, $2)
		 on conflict (id) do update set computed_on = excluded.computed_on, through = excluded.through`,
		[on, through]
	);
}

/** Expands everything again when it was last done before today (JST). Cheap when current. */
export async function ensureOccurrences(driver: Driver, now: Date): Promise<void> {
	const [row] = await asSystem(driver, (tx) => tx.query<{ computed_on: string }>('select computed_on from private.occurrence_horizon'));
	if (!row || row.computed_on < todayJst(now)) await refreshOccurrences(driver, now);
}
