import { describe, expect, it } from 'vitest';
import { freshness } from './freshness';

const now = new Date('2026-11-22T10:00:00+09:00');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);

describe('freshness', () => {
	it('is fresh until the interval, due after it, overdue after the grace', () => {
		expect(freshness('salon', daysAgo(179), now)).toEqual({ state: 'fresh', ageDays: 179 });
		expect(freshness('salon', daysAgo(180), now).state).toBe('due');
		expect(freshness('salon', daysAgo(239), now).state).toBe('due');
		expect(freshness('salon', daysAgo(240), now).state).toBe('overdue');
	});
	it('uses the category’s interval', () => {
		expect(freshness('consultation_desk', daysAgo(300), now).state).toBe('fresh');
	});
	it('treats a listing never confirmed as overdue', () => {
		expect(freshness('salon', null, now)).toEqual({ state: 'overdue', ageDays: null });
	});
});
