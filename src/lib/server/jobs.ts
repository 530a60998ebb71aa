/**
 * Every scheduled job, in one list. Started once per server process from hooks.server.ts.
 * Jobs that mail links need ORIGIN (the links are absolute); without it they do not run.
 */
import { DAY_MS, HOUR_MS } from '$lib/domain/shared/schedule/jst';
import { startJobs, type Job, type Scheduler } from './platform/jobs';
import { prunePlatform } from './platform/retention';
import { services } from './platform/services';
import { pruneAccessLog } from './participation/retention';
import { sweepHostRequests } from './participation/host-link';
import { ensureOccurrences } from './places/occurrences';
import { sendDueReminders } from './registration/freshness';

export async function jobs(env: Record<string, string | undefined> = process.env): Promise<Job[]> {
	const { driver, mailer, linkKey } = await services();
	const origin = env.ORIGIN;
	const list: Job[] = [
		// the expanded schedule dates stay a day ahead of the calendar
		{
			name: 'occurrences',
			everyMs: HOUR_MS,
			atStart: true,
			run: (now) => ensureOccurrences(driver, now)
		},
		// what is past its time goes: sign-ins, rate events, sent mail, spent links, old access log
		{
			name: 'retention',
			everyMs: DAY_MS,
			atStart: true,
			run: async (now) => ({ ...(await prunePlatform(driver, now)), accessLog: await pruneAccessLog(driver, now) })
		}
	];
	if (origin)
		list.push(
			// organisations are asked to confirm listings that are due (at most one mail per 14 days)
			{
				name: 'freshness_reminders',
				everyMs: HOUR_MS,
				run: (now) => sendDueReminders({ driver, mailer, linkKey, origin, locale: 'ja', now })
			},
			// 参加支援: hosts who have not answered in 3 days are reminded; requests expire after 7
			{
				name: 'host_requests',
				everyMs: HOUR_MS,
				run: (now) => sweepHostRequests({ driver, mailer, linkKey, origin, now })
			}
		);
	return list;
}

const globalKey = Symbol.for('tsunagari-map.jobs');
type WithJobs = typeof globalThis & { [globalKey]?: Promise<Scheduler> };

/** Starts the jobs once per process (Vite's module reloads in dev do not start them twice). */
export function startScheduledJobs(): Promise<Scheduler> {
	const g = globalThis as WithJobs;
	g[globalKey] ??= jobs().then((list) => {
		const scheduler = startJobs(list);
		process.once('sveltekit:shutdown', () => scheduler.stop());
		return scheduler;
	});
	return g[globalKey];
}
