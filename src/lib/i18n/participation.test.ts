import { describe, expect, it } from 'vitest';
import {
	END_REASONS,
	FOLLOW_UP_KINDS,
	HOST_DECLINE_REASONS,
	PLACEMENT_STATUSES,
	SELF_REPORTS,
	WITHDRAW_REASONS
} from '$lib/domain/participation';
import { PERIODS } from '$lib/domain/participation/availability';
import { AGE_BANDS, GOALS, INTERESTS, MODES, PREFERENCES } from '$lib/domain/participation/codes';
import { dayText, participationLabel, type ParticipationVocabulary } from './participation';

describe('participation labels', () => {
	it('label every code a form or page can show', () => {
		const vocabularies: [ParticipationVocabulary, readonly string[]][] = [
			['age_band', AGE_BANDS],
			['goal', GOALS],
			['mode', MODES],
			['preference', PREFERENCES],
			['interest', INTERESTS],
			['period', PERIODS],
			['placement_status', PLACEMENT_STATUSES],
			['host_decline_reason', HOST_DECLINE_REASONS],
			['end_reason', [...END_REASONS, ...WITHDRAW_REASONS]],
			['self_report', SELF_REPORTS],
			['follow_up_kind', FOLLOW_UP_KINDS]
		];
		const unlabelled = vocabularies.flatMap(([v, codes]) => codes.filter((c) => participationLabel(v, c) === c).map((c) => `${v}_${c}`));
		expect(unlabelled).toEqual([]);
		expect(participationLabel('placement_status', 'active')).toBe('参加中');
	});

	it('write days in 和暦 for Japanese and ISO for English', () => {
		expect(dayText('2026-12-01', 'ja')).toBe('令和8年12月1日');
		expect(dayText('2026-12-01', 'en')).toBe('2026-12-01');
		expect(dayText(new Date('2026-11-30T15:30:00Z'), 'en')).toBe('2026-12-01');
		expect(dayText(null, 'ja')).toBe('—');
	});
});
