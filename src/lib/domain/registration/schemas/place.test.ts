/**
 * Bad input for the listing forms: empty, over-long, HTML/script, 全角 digits in times and
 * phones, coordinates outside Japan — each gets a Japanese message on its own field.
 */
import { describe, expect, it } from 'vitest';
import { activitySchema, newPlaceSchema, openingSchema, placeSchema } from './place';
import { EMPTY_PLACE, EMPTY_SCHEDULE } from '../place-values';

const ID = '6f1c1f0e-1111-4111-8111-111111111111';
const ORG = '6f1c1f0e-2222-4222-8222-222222222222';

const goodPlace = {
	...EMPTY_PLACE,
	id: ID,
	version: 0,
	name: 'こども食堂 ひまわり',
	category: 'kodomo_shokudo',
	venue_type: 'community_center',
	fee_kind: 'paid',
	fee_yen: '300',
	contact_phone: '054-123-4567',
	disclosure: 'exact',
	address: '静岡県ひだまり市本町1丁目2-3',
	lon: '138.41',
	lat: '34.98'
};
const goodSchedule = {
	...EMPTY_SCHEDULE,
	pattern: 'monthly_nth',
	nths: ['2', '4'],
	weekday: '6',
	dtstart: '2026-12-01',
	start_time: '11:00',
	end_time: '14:00',
	holiday_policy: 'skip'
};

/** the first message per field */
function errors(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
	const out: Record<string, string> = {};
	for (const i of result.error?.issues ?? []) out[String(i.path[0])] ??= i.message;
	return out;
}

describe('place form', () => {
	it('accepts a complete place', () => {
		const r = placeSchema.safeParse(goodPlace);
		expect(errors(r)).toEqual({});
		expect(r.success).toBe(true);
	});

	it('empty: names what is missing, each on its own field', () => {
		const r = placeSchema.safeParse({ ...EMPTY_PLACE, id: ID, disclosure: 'exact' });
		expect(r.success).toBe(false);
		expect(errors(r)).toMatchObject({
			name: '名称を入力してください',
			category: '種類を選んでください',
			venue_type: '会場の種類を選んでください',
			fee_kind: '参加費を選んでください',
			contact_phone: '問い合わせ先の電話番号かメールアドレスのどちらかを入力してください',
			lon: '地図をタップするか住所から探して、場所を指定してください',
			address: '住所を入力してください'
		});
	});

	it('over-long text is refused with the limit', () => {
		const r = placeSchema.safeParse({ ...goodPlace, name: 'あ'.repeat(101), description: 'い'.repeat(4001) });
		expect(errors(r)).toMatchObject({ name: '100文字以内で入力してください', description: '4000文字以内で入力してください' });
	});

	it('HTML and script are refused, plain < is not', () => {
		expect(errors(placeSchema.safeParse({ ...goodPlace, name: '<script>alert(1)</script>' })).name).toBe(
			'HTMLのタグ（< > で囲んだ記号）は使えません'
		);
		expect(errors(placeSchema.safeParse({ ...goodPlace, description: 'ようこそ<img src=x onerror=alert(1)>' })).description).toBe(
			'HTMLのタグ（< > で囲んだ記号）は使えません'
		);
		expect(placeSchema.safeParse({ ...goodPlace, summary: '小学生 < 中学生 の順に受付' }).success).toBe(true);
	});

	it('全角 digits in the phone and fee are read as digits', () => {
		const r = placeSchema.safeParse({ ...goodPlace, contact_phone: '０５４－１２３－４５６７', fee_yen: '３００円' });
		expect(r.success).toBe(true);
		expect(r.data?.contact_phone).toBe('054-123-4567');
		expect(r.data?.fee_yen).toBe('300');
		expect(errors(placeSchema.safeParse({ ...goodPlace, contact_phone: '0541234567' })).contact_phone).toBe(
			'電話番号は 054-123-4567 のようにハイフンで区切って入力してください'
		);
	});

	it('coordinates outside Japan are refused', () => {
		for (const [lon, lat] of [
			['126.97', '37.56'],
			['-0.12', '51.5'],
			['138.4', '50.0'],
			['139', '10']
		])
			expect(errors(placeSchema.safeParse({ ...goodPlace, lon, lat })).lon).toBe('日本国内の場所を指定してください');
		expect(errors(placeSchema.safeParse({ ...goodPlace, lon: 'abc', lat: '34' })).lon).toBe('緯度・経度は数字で入力してください');
	});

	it('窓口のみ needs no location', () => {
		expect(placeSchema.safeParse({ ...goodPlace, disclosure: 'contact_only', lon: '', lat: '', address: '' }).success).toBe(true);
	});
});

describe('schedule builder fields', () => {
	const activity = { id: ID, version: 0, title: '子ども食堂', description: '', ...goodSchedule };

	it('accepts 毎月第2・第4土曜 11:00〜14:00（祝日は休み）', () => {
		expect(errors(activitySchema.safeParse(activity))).toEqual({});
	});

	it('全角 times are read, and the end must come after the start', () => {
		const r = activitySchema.safeParse({ ...activity, start_time: '１１：００', end_time: '１４時' });
		expect(r.success).toBe(true);
		expect([r.data?.start_time, r.data?.end_time]).toEqual(['11:00', '14:00']);
		expect(errors(activitySchema.safeParse({ ...activity, start_time: '14:00', end_time: '11:00' })).end_time).toBe(
			'終了時刻は開始時刻より後にしてください'
		);
		expect(errors(activitySchema.safeParse({ ...activity, start_time: 'ひる' })).start_time).toBe('時刻は 10:00 のように入力してください');
		expect(errors(activitySchema.safeParse({ ...activity, start_time: '03:00', end_time: '' })).start_time).toBe(
			'開始時刻は 5:00 から 23:00 の間にしてください'
		);
	});

	it('keeps an emoji ZWJ sequence whole and counts it as one character', () => {
		const family = '👨\u200D👩\u200D👧\u200D👦';
		const r = activitySchema.safeParse({ ...activity, title: `${family}親子で参加`, description: `${family}\n${family}` });
		expect(r.data?.title).toBe(`${family}親子で参加`);
		expect(r.data?.description).toBe(`${family}\n${family}`);
		expect(errors(activitySchema.safeParse({ ...activity, title: family.repeat(100) })).title).toBeUndefined();
		expect(errors(activitySchema.safeParse({ ...activity, title: family.repeat(101) })).title).toBe('100文字以内で入力してください');
	});

	it('each pattern asks for what it needs', () => {
		expect(errors(activitySchema.safeParse({ ...activity, pattern: 'weekly', weekdays: [] })).weekdays).toBe('曜日を1つ以上選んでください');
		expect(errors(activitySchema.safeParse({ ...activity, pattern: 'monthly_nth', nths: [], weekday: '' }))).toMatchObject({
			nths: '第何週かを1つ以上選んでください',
			weekday: '曜日を選んでください'
		});
		expect(errors(activitySchema.safeParse({ ...activity, pattern: 'irregular', schedule_note: '' })).schedule_note).toMatch(/不定期/);
		expect(errors(activitySchema.safeParse({ ...activity, pattern: '' })).pattern).toBe('開催のパターンを選んでください');
		expect(errors(activitySchema.safeParse({ ...activity, weekdays: ['7'], pattern: 'weekly' })).weekdays).toBeDefined();
	});

	it('closure periods: every year or once, in order', () => {
		expect(activitySchema.safeParse({ ...activity, closure_from_1: '8/13', closure_to_1: '8/16', closure_label_1: 'お盆' }).success).toBe(
			true
		);
		expect(errors(activitySchema.safeParse({ ...activity, closure_from_1: '2026-08-20', closure_to_1: '2026-08-13' })).closure_to_1).toBe(
			'終了日は開始日より後にしてください'
		);
		expect(errors(activitySchema.safeParse({ ...activity, closure_from_1: '8/13', closure_to_1: '2026-08-16' })).closure_to_1).toMatch(
			/どちらも/
		);
		expect(errors(activitySchema.safeParse({ ...activity, closure_from_1: 'いつか', closure_to_1: '' })).closure_from_1).toBeDefined();
	});

	it('a new listing checks the place and the schedule together', () => {
		const r = newPlaceSchema.safeParse({
			...goodPlace,
			...goodSchedule,
			organization_id: ORG,
			activity_id: ID,
			activity_title: '',
			activity_description: '',
			name: '',
			start_time: '25:00'
		});
		expect(errors(r)).toMatchObject({
			name: '名称を入力してください',
			activity_title: '活動名を入力してください',
			start_time: '時刻は 10:00 のように入力してください'
		});
	});
});

describe('opening form', () => {
	const opening = {
		id: ID,
		version: 0,
		activity_id: '',
		title: '配膳のお手伝い',
		description: '',
		capacity: '２',
		accommodations: ['short_time_ok'],
		target_groups: [],
		age_min: '',
		age_max: '',
		visibility: 'public',
		status: 'open',
		...goodSchedule
	};
	it('accepts a complete opening with 全角 digits', () => {
		const r = openingSchema.safeParse(opening);
		expect(errors(r)).toEqual({});
		expect(r.data?.capacity).toBe('2');
	});
	it('refuses empty, out-of-range and inverted ages', () => {
		expect(errors(openingSchema.safeParse({ ...opening, title: '', capacity: '' }))).toMatchObject({
			title: '受け入れ枠の名前を入力してください',
			capacity: '受け入れ人数を入力してください'
		});
		expect(errors(openingSchema.safeParse({ ...opening, capacity: '5000' })).capacity).toBe('1から1000までの数で入力してください');
		expect(errors(openingSchema.safeParse({ ...opening, age_min: '20', age_max: '10' })).age_max).toBe(
			'年齢の上限は下限以上にしてください'
		);
	});
});
