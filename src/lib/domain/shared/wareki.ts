/**
 * Japanese dates as people write them on forms and notices: 令和8年11月22日, 2026年11月22日（日）.
 * A Date is read as its date in Japan, never in the process time zone.
 */
import { floatingAt, todayJst, weekdayOf } from './schedule/jst';

export { todayJst };

/**
 * Eras by their first day, newest first; `year1` is the Gregorian year of the era's 元年.
 * 明治 starts here at 明治6年, when Japan adopted the Gregorian calendar.
 */
const ERAS = [
	{ name: '令和', from: '2019-05-01', year1: 2019 },
	{ name: '平成', from: '1989-01-08', year1: 1989 },
	{ name: '昭和', from: '1926-12-25', year1: 1926 },
	{ name: '大正', from: '1912-07-30', year1: 1912 },
	{ name: '明治', from: '1873-01-01', year1: 1868 }
];

const WEEKDAYS = ['日', '月', '火', '水', '木', '金', '土'];

export interface WarekiOptions {
	/** false leaves the day out: 令和8年10月. Default true. */
	day?: boolean;
}

/** 令和8年11月22日, 令和元年5月1日, 平成31年4月30日. Dates before 1873 fall back to 西暦 (1850年1月1日). */
export function formatWareki(date: Date | string, opts: WarekiOptions = {}): string {
	const key = jstDate(date);
	const [year, month, day] = key.split('-').map(Number);
	const era = ERAS.find((e) => key >= e.from);
	const yearText = era ? `${era.name}${year === era.year1 ? '元' : year - era.year1 + 1}年` : `${year}年`;
	return `${yearText}${month}月${opts.day === false ? '' : `${day}日`}`;
}

/** 2026年11月22日（日） */
export function formatJapaneseDate(date: Date | string): string {
	const key = jstDate(date);
	const [year, month, day] = key.split('-').map(Number);
	return `${year}年${month}月${day}日（${WEEKDAYS[weekdayOf(key)]}）`;
}

function jstDate(date: Date | string): string {
	if (typeof date !== 'string') return todayJst(date);
	floatingAt(date); // throws RangeError for anything but a real 'YYYY-MM-DD'
	return date;
}
