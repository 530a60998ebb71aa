/** Bad input for the account, organisation, review, photo and 情報提供 forms. */
import { describe, expect, it } from 'vitest';
import {
	invitationSchema,
	newOrganizationSchema,
	phoneConfirmationSchema,
	photoSchema,
	reviewSchema,
	signUpSchema,
	suggestionSchema
} from './index';

const ID = '6f1c1f0e-1111-4111-8111-111111111111';
const first = (r: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) => {
	const out: Record<string, string> = {};
	for (const i of r.error?.issues ?? []) out[String(i.path[0])] ??= i.message;
	return out;
};

describe('sign-up', () => {
	const good = { display_name: '山田 花子', email: 'hanako@example.jp', password: 'long-enough-1', password_confirm: 'long-enough-1' };
	it('accepts a good one, with a 全角 e-mail folded', () => {
		const r = signUpSchema.safeParse({ ...good, email: 'ｈａｎａｋｏ＠ｅｘａｍｐｌｅ．ｊｐ' });
		expect(r.success && r.data.email).toBe('hanako@example.jp');
	});
	it('empty, short, mismatched, HTML and over-long', () => {
		expect(first(signUpSchema.safeParse({ display_name: '', email: '', password: '', password_confirm: '' }))).toMatchObject({
			display_name: '表示名を入力してください',
			email: 'メールアドレスを入力してください',
			password: 'パスワードを入力してください'
		});
		expect(first(signUpSchema.safeParse({ ...good, password: 'short', password_confirm: 'short' })).password).toBe(
			'パスワードは10文字以上にしてください'
		);
		expect(first(signUpSchema.safeParse({ ...good, password_confirm: 'other-one-22' })).password_confirm).toBe(
			'確認用のパスワードが一致しません'
		);
		expect(first(signUpSchema.safeParse({ ...good, display_name: '<img src=x onerror=alert(1)>' })).display_name).toBe(
			'HTMLのタグ（< > で囲んだ記号）は使えません'
		);
		expect(first(signUpSchema.safeParse({ ...good, display_name: 'あ'.repeat(41) })).display_name).toBe('40文字以内で入力してください');
		expect(first(signUpSchema.safeParse({ ...good, password: 'hanako@example.jp', password_confirm: 'hanako@example.jp' })).password).toBe(
			'メールアドレスと同じパスワードは使えません'
		);
	});
});

describe('organisation', () => {
	const good = {
		id: ID,
		version: 0,
		municipality_id: ID,
		kind: 'npo',
		name: 'ひだまり会',
		name_kana: '',
		description: '',
		phone: '０５４－１２３－４５６７',
		email: '',
		website: ''
	};
	it('accepts a good one and folds the phone', () => {
		const r = newOrganizationSchema.safeParse(good);
		expect(r.success && r.data.phone).toBe('054-123-4567');
	});
	it('refuses municipal kinds, bad phones and URLs, markup and length', () => {
		expect(first(newOrganizationSchema.safeParse({ ...good, kind: 'municipal_dept' })).kind).toBe('団体の種類を選んでください');
		expect(first(newOrganizationSchema.safeParse({ ...good, phone: '123' })).phone).toBe(
			'電話番号は 054-123-4567 のようにハイフンで区切って入力してください'
		);
		expect(first(newOrganizationSchema.safeParse({ ...good, website: 'javascript:alert(1)' })).website).toBe(
			'https:// で始まるアドレスを入力してください'
		);
		expect(first(newOrganizationSchema.safeParse({ ...good, name: '<script>x</script>' })).name).toBe(
			'HTMLのタグ（< > で囲んだ記号）は使えません'
		);
		expect(first(newOrganizationSchema.safeParse({ ...good, name: '' })).name).toBe('団体名を入力してください');
		expect(first(newOrganizationSchema.safeParse({ ...good, description: 'a'.repeat(2001) })).description).toBe(
			'2000文字以内で入力してください'
		);
		expect(first(newOrganizationSchema.safeParse({ ...good, id: 'not-a-uuid' })).id).toBe(
			'フォームの有効期限が切れました。ページを開き直してください'
		);
	});
});

describe('review, photo and 情報提供', () => {
	it('a send-back needs a reason', () => {
		expect(first(reviewSchema.safeParse({ decision: 'return', reason: '', version: 1 })).reason).toBe(
			'差し戻す理由を書いてください（団体の方に表示されます）'
		);
		expect(reviewSchema.safeParse({ decision: 'approve', reason: '', version: 1 }).success).toBe(true);
		expect(first(reviewSchema.safeParse({ decision: '', reason: '', version: 1 })).decision).toBe('承認するか差し戻すかを選んでください');
	});
	it('a photo needs a caption and the reminder about children’s faces ticked', () => {
		expect(first(photoSchema.safeParse({ id: ID, caption: '', faces_ok: false }))).toEqual({
			caption: '写真の説明を入力してください（画面を読み上げる人のために使います）',
			faces_ok: '子どもの顔についての確認にチェックしてください'
		});
	});
	it('a suggestion needs its kind and text; a missing place needs a name', () => {
		const base = {
			id: ID,
			municipality_id: ID,
			place_id: '',
			kind: 'missing',
			place_name: '',
			location_text: '',
			body: '駅前にカフェ',
			contact: '',
			homepage: '',
			started: ''
		};
		expect(first(suggestionSchema.safeParse(base)).place_name).toBe('場所の名前を書いてください');
		expect(first(suggestionSchema.safeParse({ ...base, kind: '', body: '' }))).toMatchObject({
			kind: 'お知らせの内容を選んでください',
			body: '内容を書いてください'
		});
		expect(first(suggestionSchema.safeParse({ ...base, place_name: 'カフェ', body: '<a href="x">見て</a>' })).body).toBe(
			'HTMLのタグ（< > で囲んだ記号）は使えません'
		);
	});
});

describe('invitation and phone confirmation', () => {
	it('an invitation takes an optional, valid address', () => {
		expect(invitationSchema.safeParse({ id: ID, email: '' }).success).toBe(true);
		expect(first(invitationSchema.safeParse({ id: ID, email: 'not an address' })).email).toBe(
			'メールアドレスの形式が正しくありません（例: hanako@example.jp）'
		);
		expect(first(invitationSchema.safeParse({ id: ID, email: `${'a'.repeat(250)}@x.jp` })).email).toBe('254文字以内で入力してください');
	});
	it('a phone note is plain text of 500 characters at most', () => {
		expect(first(phoneConfirmationSchema.safeParse({ place_id: ID, note: '<i>x</i>' })).note).toBe(
			'HTMLのタグ（< > で囲んだ記号）は使えません'
		);
		expect(first(phoneConfirmationSchema.safeParse({ place_id: ID, note: 'あ'.repeat(501) })).note).toBe('500文字以内で入力してください');
	});
});
