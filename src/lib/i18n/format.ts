/**
 * Dates and numbers as people in Japan read them, always in Asia/Tokyo whatever the device says.
 */
import type { Locale } from '$lib/domain/shared/schedule';

const TZ = 'Asia/Tokyo';

/** 11月25日（水）10:00 / Wed 25 Nov, 10:00 */
export function formatDateTime(at: Date, locale: Locale): string {
	if (locale === 'ja') {
		const parts = Object.fromEntries(
			new Intl.DateTimeFormat('ja-JP', {
				timeZone: TZ,
				month: 'numeric',
				day: 'numeric',
				weekday: 'short',
				hour: 'numeric',
				minute: '2-digit',
				hourCycle: 'h23'
			})
				.formatToParts(at)
				.map((p) => [p.type, p.value])
		);
		return `${parts.month}月${parts.day}日（${parts.weekday}）${parts.hour}:${parts.minute}`;
	}
	return new Intl.DateTimeFormat('en-GB', {
		timeZone: TZ,
		weekday: 'short',
		day: 'numeric',
		month: 'short',
		hour: '2-digit',
		minute: '2-digit'
	}).format(at);
}

/** 10:00 */
export function formatTime(at: Date): string {
	return new Intl.DateTimeFormat('ja-JP', { timeZone: TZ, hour: 'numeric', minute: '2-digit', hourCycle: 'h23' }).format(at);
}

/** 11月25日（水）10:00〜12:00 */
export function formatSpan(start: Date, end: Date, locale: Locale): string {
	return `${formatDateTime(start, locale)}${locale === 'ja' ? '〜' : '–'}${formatTime(end)}`;
}

/** 1,234 */
export function formatNumber(n: number, locale: Locale): string {
	return new Intl.NumberFormat(locale === 'ja' ? 'ja-JP' : 'en-GB').format(n);
}
