/**
 * Input normalisation shared by every form: what a Japanese keyboard produces is accepted.
 */

/** 全角英数・記号 → 半角, ｶﾀｶﾅ → カタカナ, and the many Unicode spaces → one kind (NFKC). */
export function normalizeText(value: string): string {
	return value
		.normalize('NFKC')
		.replace(/[\u200B-\u200D\uFEFF]/g, '')
		.trim();
}

/** Digits only, from any width: '０９０－１２３４－５６７８' → '09012345678'. */
export function digitsOnly(value: string): string {
	return normalizeText(value).replace(/[^0-9]/g, '');
}
