/**
 * The access log (who read which 参加支援 record) is kept for the municipality's setting
 * (`municipalities.access_log_retention_years`, default 5, never under 3), then deleted by the
 * retention job. Nothing else deletes it.
 */
import type { Driver } from '$lib/server/platform/db/index';
import { asSystem } from '$lib/server/platform/db/system';

export async function pruneAccessLog(driver: Driver, now: Date): Promise<number> {
	return asSystem(driver, async (tx) => {
		const [{ n }] = await tx.query<{ n: number }>(
			`with gone as (
			   delete from casework.access_log l using public.municipalities mu
			    where mu.id = l.municipality_id and l.at < $1::timestamptz - make_interval(years => mu.access_log_retention_years)
			   returning 1)
			 select count(*)::int as n from gone`,
			[now]
		);
		return n;
	});
}
