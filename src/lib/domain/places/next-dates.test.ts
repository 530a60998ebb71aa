import { describe, it, expect } from 'vitest';
import { nextDates } from './next-dates';
import { NOW, jst, schedule } from '$lib/domain/shared/schedule/fixtures';

describe('nextDates', () => {
	it('gives every entry a unique key when two activities share a time', () => {
		const s = schedule({ rrule: 'FREQ=MONTHLY;BYDAY=2TU,4TU' });
		const list = nextDates(
			[
				{ id: 'a1', title: '子ども食堂', schedule: s },
				{ id: 'a2', title: '学習支援', schedule: s }
			],
			NOW,
			3
		);
		expect(list).toHaveLength(3);
		expect(list[0].start).toEqual(list[1].start);
		expect(new Set(list.map((o) => o.key)).size).toBe(list.length);
		expect(list.map((o) => o.title)).toEqual(['学習支援', '子ども食堂', '学習支援']);
		expect(list[0].start).toEqual(jst('2026-11-24T10:00'));
	});
});
