/** The date the test world is seeded as of (verification ages count back from it). */
export const TEST_TODAY = new Date('2026-11-22T10:00:00+09:00');

/** The PostgreSQL database each test file's database is copied from. */
export const TEMPLATE_DB = 'tsunagari_template';

export function withDatabase(url: string, database: string): string {
	const u = new URL(url);
	u.pathname = `/${database}`;
	return u.toString();
}

export function withUser(url: string, user: string): string {
	const u = new URL(url);
	u.username = user;
	return u.toString();
}
