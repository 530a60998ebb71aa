import { describe, expect, it } from 'vitest';
import { mapHeader, parseCategory, parseFee, parseScheduleText, parseTargets, readTable } from './import';
import { scheduleOf } from './place-values';
import { describe as sentence } from '../shared/schedule';

describe('reading a 社協 list', () => {
	it('knows the usual column titles, in any width', () => {
		expect(mapHeader(['名称', '所在地', '運営団体', '開催日時', '参加費', '緯度', '経度', 'ＴＥＬ', '備考', '謎の列'])).toEqual([
			'name',
			'address',
			'organization',
			'schedule',
			'fee',
			'lat',
			'lon',
			'phone',
			'description',
			null
		]);
	});

	it('reads Japanese schedules into the builder’s fields', () => {
		const cases: [string, string][] = [
			['毎月第2・第4水曜日 10:00～12:00', '毎月第2・第4水曜 10:00〜12:00'],
			['第１・３火曜　１３時～１５時（祝日は休み）', '毎月第1・第3火曜 13:00〜15:00（祝日は休み）'],
			['毎週月・木曜 9:30-11:30', '毎週月・木 9:30〜11:30'],
			['隔週土曜', '隔週土曜'],
			['毎月15日 14時〜', '毎月15日 14:00〜'],
			['最終日曜日 10時～12時', '毎月最終日曜 10:00〜12:00']
		];
		for (const [text, expected] of cases) {
			const { fields, understood } = parseScheduleText(text, '2026-04-01');
			expect(understood, text).toBe(true);
			expect(sentence(scheduleOf(fields)!, 'ja'), text).toBe(expected);
		}
		const odd = parseScheduleText('季節ごとに開催（お問い合わせください）', '2026-04-01');
		expect(odd.understood).toBe(false);
		expect(odd.fields.pattern).toBe('irregular');
		expect(odd.fields.schedule_note).toBe('季節ごとに開催（お問い合わせください）');
	});

	it('categories, targets and fees from the words people use', () => {
		expect(parseCategory('こども食堂')).toBe('kodomo_shokudo');
		expect(parseCategory('ふれあい・いきいきサロン')).toBe('salon');
		expect(parseCategory('いきいき百歳体操')).toBe('kayoinoba');
		expect(parseCategory('なにか')).toBeNull();
		expect(parseTargets('高齢者・障がいのある方、どなたでも')).toEqual(['elderly', 'disability', 'anyone']);
		expect(parseFee('無料')).toEqual({ kind: 'free', yen: '', note: '' });
		expect(parseFee('１回３００円')).toEqual({ kind: 'paid', yen: '300', note: '1回300円' });
		expect(parseFee('実費')).toEqual({ kind: 'unknown', yen: '', note: '実費' });
	});

	it('checks every row and says what is wrong with which field', () => {
		const { rows } = readTable([
			['名称', '種類', '住所', '電話', '緯度', '経度'],
			['本町サロン', 'サロン', 'ひだまり市本町1丁目1-1', '054-000-0001', '34.98', '138.37'],
			['', '居場所', '', '', '', ''],
			['<script>x</script>', '謎', '', '0540000001', '37.56', '126.97'],
			['', '', '', '', '', ''],
			['全角の電話', '子ども食堂', '', '０５４－０００－０００２', '', '']
		]);
		expect(rows.map((r) => r.line)).toEqual([2, 3, 4, 6]);
		expect(rows[0].problems).toEqual([]);
		expect(rows[1].problems.map((p) => p.problem)).toEqual(['name_required']);
		expect(rows[2].problems.map((p) => p.problem).sort()).toEqual(['category_unknown', 'markup', 'outside_japan', 'phone_invalid']);
		expect(rows[3].values.phone).toBe('054-000-0002');
		expect(rows[3].problems).toEqual([]);
		expect(rows[0].original).toMatchObject({ 名称: '本町サロン', 電話: '054-000-0001' });
	});
});
