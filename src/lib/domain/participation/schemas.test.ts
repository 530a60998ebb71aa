import { describe, expect, it } from 'vitest';
import { hostReplySchema, participantSchema, stepSchema } from './schemas';

const VALID = {
	code: 'H-0123',
	age_band: '30s',
	availability: ['4-am'],
	modes: ['walk'],
	max_minutes: '20'
};

function errors(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
	return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
}

describe('participant form', () => {
	it('accepts the least a coordinator must give, and fills the rest with empty values', () => {
		const r = participantSchema.safeParse(VALID);
		expect(r.success).toBe(true);
		expect(r.data).toMatchObject({ code: 'H-0123', interests: [], notes: '', share_summary_with_host: false, version: 0 });
	});

	it('tidies 全角 and lower case in the code and the minutes', () => {
		const r = participantSchema.safeParse({ ...VALID, code: 'ｈ－０１２３', max_minutes: '２０' });
		expect(r.data).toMatchObject({ code: 'H-0123', max_minutes: '20' });
	});

	it('says in Japanese what is missing, field by field', () => {
		expect(errors(participantSchema.safeParse({}))).toEqual({
			code: '番号を入力してください',
			age_band: '年代を選んでください',
			availability: '来られる曜日と時間帯を1つ以上選んでください',
			modes: '移動手段を1つ以上選んでください',
			max_minutes: '片道の上限を分で入力してください'
		});
	});

	it('refuses markup, unknown codes, out-of-range minutes and overlong notes', () => {
		const e = errors(
			participantSchema.safeParse({
				...VALID,
				code: '<script>',
				max_minutes: '999',
				availability: ['4-am', '9-noon'],
				interests: ['books', "'; drop table x; --"],
				notes: 'あ'.repeat(2001),
				strengths: '<img src=x onerror=alert(1)>'
			})
		);
		expect(e.code).toBe('番号は半角英数字と「-」で20文字までです（例: H-0123）');
		expect(e.max_minutes).toContain('120');
		expect(e.availability).toBeDefined();
		expect(e.interests).toBeDefined();
		expect(e.notes).toContain('2000');
		expect(e.strengths).toBe('HTMLのタグ（< > で囲んだ記号）は使えません');
	});

	it('keeps SQL metacharacters and unusual Unicode in free text as typed (they are bound, never spliced)', () => {
		const notes = "O'Brien さん 😀 \u{20BB7}野家 -- ; drop table";
		expect(participantSchema.safeParse({ ...VALID, notes }).data?.notes).toBe(notes);
	});
});

describe('host answer and steps', () => {
	it('a 「今は難しい」 needs a reason; a 「見学OK」 does not', () => {
		expect(errors(hostReplySchema.safeParse({ answer: 'difficult' }))).toEqual({ reason: '理由を選んでください' });
		expect(hostReplySchema.safeParse({ answer: 'ok', trial_visit_date_1: '２０２６－１２－１０' }).data?.trial_visit_date_1).toBe(
			'2026-12-10'
		);
		expect(errors(hostReplySchema.safeParse({ answer: 'maybe' })).answer).toBe('返事を選んでください');
	});

	it('an ending needs an end reason and a withdrawal a withdrawal reason', () => {
		expect(errors(stepSchema.safeParse({ step: 'ended', on: '2026-12-01' }))).toEqual({ reason: '理由を選んでください' });
		expect(errors(stepSchema.safeParse({ step: 'ended', on: '2026-12-01', reason: 'found_elsewhere' }))).toEqual({
			reason: '理由を選んでください'
		});
		expect(stepSchema.safeParse({ step: 'withdrawn', on: '2026-12-01', reason: 'found_elsewhere' }).success).toBe(true);
		expect(errors(stepSchema.safeParse({ step: 'active', on: '' }))).toEqual({ on: '日付を入力してください' });
	});
});
