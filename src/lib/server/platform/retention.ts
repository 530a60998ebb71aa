/**
 * What the platform keeps, and for how long. The retention job (server/jobs.ts) deletes what is
 * past its time, in one transaction per table. Features keep their own records' rules (the
 * access log: server/participation/retention.ts).
 */
import type { Driver } from './db/index';
import { asSystem } from './db/system';

/** Periods, as PostgreSQL intervals. */
export const RETENTION = {
	/** failed and successful sign-ins: lockout needs an hour; a suspicious pattern is reviewed within 90 days */
	signInAttempts: '90 days',
	/** rate windows are at most an hour long */
	rateEvents: '1 day',
	/** the sent-mail log tenant admins read */
	mailOutbox: '90 days',
	/** a signed link, 30 days after it was spent or expired (a late click still gets "already used") */
	signedLinks: '30 days'
} as const;

export type PlatformPruned = Record<keyof typeof RETENTION, number>;

export async function prunePlatform(driver: Driver, now: Date): Promise<PlatformPruned> {
	const run = (sql: string) => asSystem(driver, async (tx) => (await tx.query<{ n: number }>(sql, [now]))[0].n);
	const count = (table: string, where: string) =>
		`with gone as (delete from ${table} where ${where} returning 1) select count(*)::int as n from gone`;
	return {
		signInAttempts: await run(count('private.sign_in_attempts', `attempted_at < $1::timestamptz - interval '${RETENTION.signInAttempts}'`)),
		rateEvents: await run(count('private.rate_events', `at < $1::timestamptz - interval '${RETENTION.rateEvents}'`)),
		mailOutbox: await run(count('private.mail_outbox', `created_at < $1::timestamptz - interval '${RETENTION.mailOutbox}'`)),
		signedLinks: await run(
			count(
				'private.signed_links',
				`greatest(expires_at, coalesce(used_at, expires_at)) < $1::timestamptz - interval '${RETENTION.signedLinks}'`
			)
		)
	};
}
