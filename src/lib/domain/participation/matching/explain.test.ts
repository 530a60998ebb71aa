import { describe, expect, it } from 'vitest';
import { label } from '$lib/i18n/index';
import { ACCOMMODATIONS } from '../../shared/taxonomy';
import { rankOpenings } from './index';
import { NOW, dateAfter, jst, northOfHome, opening, participant, weekly } from './fixtures';
import type { Opening, Participant } from './types';

const only = (p: Participant, o: Opening) => rankOpenings(p, [o], NOW);
const sentence = (p: Participant, o: Opening) => only(p, o).matches[0].sentence;
const nearMiss = (p: Participant, o: Opening) => only(p, o).nearMisses[0].reason;

describe('match explanations', () => {
	it('reads like 「火曜午前に合う・徒歩12分・見学だけOK・本が好き」', () => {
		const p = participant({
			availability: [{ weekday: 2, start: '09:00', end: '12:00' }],
			requiredAccommodations: ['observe_ok'],
			goals: []
		});
		const o = opening({ occurrences: weekly(2, '10:00', '11:30'), location: northOfHome(0.7), groupSize: null });
		expect(sentence(p, o)).toBe('火曜午前に合う・徒歩12分・見学だけOK・本が好き');
		expect(only(p, o).matches[0].reasons).toEqual(['火曜午前に合う', '徒歩12分', '見学だけOK', '本が好き']);
	});
	it('names 午前, 午後 and 夜 by the start of the first fitting occurrence', () => {
		const p = participant({ availability: [{ weekday: 6, start: '00:00', end: '24:00' }] });
		const at = (start: string, end: string) => opening({ occurrences: weekly(6, start, end) });
		expect(sentence(p, at('11:30', '13:00'))).toMatch(/^土曜午前に合う・/);
		expect(sentence(p, at('12:00', '13:00'))).toMatch(/^土曜午後に合う・/);
		expect(sentence(p, at('18:00', '20:00'))).toMatch(/^土曜夜に合う・/);
	});
	it('says how the place is reached: 自転車n分, バスn分, 送迎あり, 距離は不明', () => {
		expect(sentence(participant({ modes: ['bicycle'] }), opening({ location: northOfHome(1) }))).toContain('・自転車7分・');
		expect(sentence(participant({ modes: ['bus'], maxMinutes: 30 }), opening({ location: northOfHome(1) }))).toContain('・バス15分・');
		expect(sentence(participant(), opening({ location: northOfHome(9), accommodations: ['pickup'] }))).toContain('・送迎あり・');
		expect(sentence(participant(), opening({ location: null }))).toContain('・距離は不明・');
	});
	it('lists the needs met in Japanese, companion_ok included when the first visit needs one', () => {
		const p = participant({ requiredAccommodations: ['short_time_ok', 'no_talking_ok'], needsCompanionFirstVisit: true });
		const o = opening({ accommodations: ['companion_ok', 'no_talking_ok', 'short_time_ok', 'wage'], groupSize: null });
		expect(only(p, o).matches[0].reasons).toEqual([
			'木曜午前に合う',
			'徒歩9分',
			'話さなくてOK',
			'短時間OK',
			'同伴可',
			'本が好き',
			'目標：居場所'
		]);
	});
	it('mentions 送迎あり once for someone who must be collected', () => {
		const p = participant({ modes: ['pickup_needed'], requiredAccommodations: ['pickup'] });
		const reasons = only(p, opening({ accommodations: ['pickup'], groupSize: null })).matches[0].reasons;
		expect(reasons.filter((r) => r === '送迎あり')).toHaveLength(1);
	});
	it('notes a small or quiet place for someone who prefers one', () => {
		const p = participant({ preferences: ['quiet'] });
		expect(only(p, opening({ accommodations: ['quiet'], groupSize: 'large' })).matches[0].reasons).toContain('静かな環境');
		expect(only(p, opening({ accommodations: [], groupSize: 'small' })).matches[0].reasons).toContain('少人数');
	});
	it('says which interests are shared, at most two', () => {
		const p = participant({ interests: ['cooking', 'music', 'books', 'chess'] });
		const o = opening({ tags: ['books', 'music', 'cooking', 'chess'] });
		const reasons = only(p, o).matches[0].reasons;
		expect(reasons).toContain('料理が好き');
		expect(reasons).toContain('音楽が好き');
		expect(reasons).not.toContain('本が好き');
	});
	it('cautions about an opening declined before and about a wish it cannot check', () => {
		const p = participant({ declinedOpeningIds: ['o1'], preferences: ['same_gender_staff'] });
		expect(only(p, opening()).matches[0].cautions).toEqual(['以前に辞退した枠', '同性スタッフの希望は受け入れ先に確認']);
	});
	it('has a Japanese label for every accommodation code, from the catalogue', () => {
		expect(ACCOMMODATIONS.map((a) => label('accommodation', a, 'ja'))).toEqual([
			'一人で来てOK',
			'見学だけOK',
			'予約不要',
			'話さなくてOK',
			'途中退出OK',
			'少人数',
			'バリアフリー',
			'送迎あり',
			'短時間OK',
			'同伴可',
			'静かな環境',
			'交通費支給',
			'工賃あり'
		]);
	});
});

describe('near-miss explanations', () => {
	it('lists the opening’s weekdays when the time does not fit: 「時間が合わない（木曜のみ）」', () => {
		const p = participant({ availability: [{ weekday: 2, start: '09:00', end: '12:00' }] });
		expect(nearMiss(p, opening())).toBe('時間が合わない（木曜のみ）');
		const twice = opening({ occurrences: [...weekly(5, '10:00', '11:00'), ...weekly(1, '10:00', '11:00')] });
		expect(nearMiss(p, twice)).toBe('時間が合わない（月・金曜のみ）');
	});
	it('adds the times on a weekday the person is free', () => {
		expect(nearMiss(participant(), opening({ occurrences: weekly(4, '13:00', '15:00') }))).toBe('時間が合わない（木曜13:00〜15:00のみ）');
		const two = opening({ occurrences: [...weekly(4, '13:00', '15:00'), ...weekly(6, '10:00', '12:00')] });
		expect(nearMiss(participant(), two)).toBe('時間が合わない（木・土曜のみ、木曜は13:00〜15:00）');
	});
	it('says so when nothing is scheduled in the 4 weeks', () => {
		const later = [{ start: jst(dateAfter(40), '10:00'), end: jst(dateAfter(40), '11:00') }];
		expect(nearMiss(participant(), opening({ occurrences: later }))).toBe('時間が合わない（4週間以内に予定なし）');
	});
	it('explains capacity, age, target groups and missing accommodations', () => {
		expect(nearMiss(participant(), opening({ filled: 3 }))).toBe('定員に空きがない');
		expect(nearMiss(participant({ ageBand: '70s' }), opening({ ageMin: 18, ageMax: 64 }))).toBe('対象年齢外（18〜64歳）');
		expect(nearMiss(participant({ ageBand: '20s' }), opening({ ageMin: 65, ageMax: null }))).toBe('対象年齢外（65歳以上）');
		expect(nearMiss(participant(), opening({ ageMin: null, ageMax: 29 }))).toBe('対象年齢外（29歳以下）');
		expect(nearMiss(participant(), opening({ targetGroups: ['elderly', 'disability'] }))).toBe('対象が違う（高齢・障がい向け）');
		const p = participant({ requiredAccommodations: ['pickup', 'barrier_free'] });
		expect(nearMiss(p, opening({ accommodations: [] }))).toBe('必要な配慮がない（バリアフリー・送迎あり）');
	});
	it('explains distance: 「遠い（徒歩35分、上限20分）」, or a pickup that is missing', () => {
		// 35 minutes on foot is 2.8 km of road, 2.154 km straight.
		expect(nearMiss(participant(), opening({ location: northOfHome(2.1) }))).toBe('遠い（徒歩35分、上限20分）');
		expect(nearMiss(participant({ modes: ['pickup_needed'] }), opening())).toBe('送迎がない（送迎が必要）');
	});
});

describe('explanations in English', () => {
	const en = (p: Participant, o: Opening) => rankOpenings(p, [o], NOW, { locale: 'en' });
	it('an English-speaking coordinator reads the same reasons in English, from the catalogue', () => {
		const p = participant({
			availability: [{ weekday: 2, start: '09:00', end: '12:00' }],
			requiredAccommodations: ['observe_ok'],
			goals: []
		});
		const o = opening({ occurrences: weekly(2, '10:00', '11:30'), location: northOfHome(0.7), groupSize: null });
		const match = en(p, o).matches[0];
		expect(match.reasons).toEqual(['fits Tue Morning', '12 min on foot', label('accommodation', 'observe_ok', 'en'), 'likes Books']);
		expect(match.sentence).toBe(match.reasons.join(' · '));
		expect(match.sentence).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
	});
	it('near misses too: time, age, target groups, distance', () => {
		const p = participant({ availability: [{ weekday: 2, start: '09:00', end: '12:00' }] });
		expect(en(p, opening()).nearMisses[0].reason).toBe('time does not fit (Thu only)');
		expect(en(participant({ ageBand: '70s' }), opening({ ageMin: 18, ageMax: 64 })).nearMisses[0].reason).toBe(
			'outside the age range (18–64)'
		);
		expect(en(participant(), opening({ location: northOfHome(2.1) })).nearMisses[0].reason).toBe('too far (35 min on foot, limit 20 min)');
		for (const reason of [
			en(participant(), opening({ targetGroups: ['elderly', 'disability'] })).nearMisses[0].reason,
			en(participant({ declinedOpeningIds: ['o1'], preferences: ['same_gender_staff'] }), opening()).matches[0].cautions.join()
		])
			expect(reason).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
	});
});
