import { describe, expect, it } from 'vitest';
import { historyFields } from './history-display';

describe('history as people read it', () => {
	it('shows the schedule sentence, never the RRULE, and labels instead of codes', () => {
		const fields = historyFields(
			{ rrule: 'FREQ=WEEKLY;BYDAY=WE', holiday_policy: 'hold', status: 'submitted', verified_by: 'x' },
			{ rrule: 'FREQ=MONTHLY;BYDAY=2SA,4SA', holiday_policy: 'skip', status: 'published', verified_by: 'y' },
			'ja'
		);
		expect(fields).toEqual([
			{ key: 'rrule', label: '日程', before: '毎週水曜', after: '毎月第2・第4土曜' },
			{ key: 'holiday_policy', label: '祝日の扱い', before: '祝日も開催', after: '祝日は休み' },
			{ key: 'status', label: '状態', before: '審査待ち', after: '公開中' }
		]);
		expect(JSON.stringify(fields)).not.toContain('FREQ=');
	});
});
