/**
 * Input normalisation shared by every form: what a Japanese keyboard produces is accepted.
 */

/**
 * Zero-width characters (U+200B–U+200D, U+FEFF), except a joiner (ZWJ) that binds two emoji
 * into one (👨‍👩‍👧‍👦, 🏳️‍🌈): without it a family becomes four people.
 */
const STRAY_ZERO_WIDTH =
	/[\u200B\u200C\uFEFF]|(?<!\p{Extended_Pictographic}\uFE0F?[\u{1F3FB}-\u{1F3FF}]?)\u200D|\u200D(?!\p{Extended_Pictographic})/gu;

/** Drops zero-width characters but keeps emoji ZWJ sequences whole. */
export const dropZeroWidth = (value: string): string => value.replace(STRAY_ZERO_WIDTH, '');

/** How many characters a person sees (grapheme clusters): 👨‍👩‍👧‍👦 is one, not 11 UTF-16 units. */
export function graphemeCount(value: string): number {
	let n = 0;
	for (const _ of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(value)) n++;
	return n;
}

/** 全角英数・記号 → 半角, ｶﾀｶﾅ → カタカナ, and the many Unicode spaces → one kind (NFKC). */
export function normalizeText(value: string): string {
	return dropZeroWidth(value.normalize('NFKC')).trim();
}

/** Digits only, from any width: '０９０－１２３４－５６７８' → '09012345678'. */
export function digitsOnly(value: string): string {
	return normalizeText(value).replace(/[^0-9]/g, '');
}
