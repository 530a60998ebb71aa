import { clock, dayParts, isWholeMonths, isYearEnd, sharedWeekday, type DayParts, type Phrasebook, type RulePhrase } from './phrasebook';
import type { Closure } from './types';

const WEEKDAYS = ['日', '月', '火', '水', '木', '金', '土'];

export const ja: Phrasebook = {
	irregular: '不定期',
	rule,
	time: (start, end) => `${clock(start)}〜${end === null ? '' : clock(end)}`,
	withTime: (rule, time) => `${rule} ${time}`,
	holidaysClosed: '祝日は休み',
	closure: (c) => `${c.label || closureLabel(c)}は休み`,
	notes: (notes) => `（${notes.join('・')}）`
};

function rule(p: RulePhrase): string {
	switch (p.kind) {
		case 'daily':
			return '毎日';
		case 'weekdays':
			return '平日';
		case 'weekly':
			return `${every(p.interval, '毎週', '隔週', '週')}${weekdays(p.weekdays)}`;
		case 'monthly_nth':
			return `${every(p.interval, '毎月', '隔月', 'か月')}${nthWeekdays(p.days)}`;
		case 'monthly_day':
			return `${every(p.interval, '毎月', '隔月', 'か月')}${monthDays(p.days)}`;
		case 'other':
			return '定期開催';
	}
}

function every(interval: number, one: string, two: string, unit: string): string {
	return interval === 1 ? one : interval === 2 ? two : `${interval}${unit}ごとの`;
}

/** One day reads 火曜; several read 月・水・金 (曜 once would attach only to the last). */
function weekdays(days: number[]): string {
	return days.length === 1 ? `${WEEKDAYS[days[0]]}曜` : days.map((d) => WEEKDAYS[d]).join('・');
}

const nth = (n: number) => (n === -1 ? '最終' : `第${n}`);

function nthWeekdays(days: { nth: number; weekday: number }[]): string {
	const shared = sharedWeekday(days);
	if (shared !== null) return `${days.map((d) => nth(d.nth)).join('・')}${WEEKDAYS[shared]}曜`;
	return days.map((d) => `${nth(d.nth)}${WEEKDAYS[d.weekday]}曜`).join('・');
}

function monthDays(days: number[]): string {
	const numbered = days.filter((d) => d > 0);
	const parts = numbered.length > 0 ? [`${numbered.join('・')}日`] : [];
	return [...parts, ...(days.includes(-1) ? ['末日'] : [])].join('・');
}

/** The period named as a noun: 年末年始, 8月, 8月13日〜8月16日, 2026年12月1日〜12月5日. */
function closureLabel(c: Closure): string {
	if (isYearEnd(c)) return '年末年始';
	const from = dayParts(c.from);
	const to = dayParts(c.to);
	if (isWholeMonths(c)) {
		const month = (p: DayParts, withYear: boolean) => `${withYear && p.year ? `${p.year}年` : ''}${p.month}月`;
		if (from.year === to.year && from.month === to.month) return month(from, true);
		return `${month(from, true)}〜${month(to, from.year !== to.year)}`;
	}
	const date = (p: DayParts, withYear: boolean) => `${withYear && p.year ? `${p.year}年` : ''}${p.month}月${p.day}日`;
	if (c.from === c.to) return date(from, true);
	return `${date(from, true)}〜${date(to, from.year !== to.year)}`;
}
