/**
 * Japanese dates as people write them on forms and notices: 令和8年11月22日, 2026年11月22日（日）.
 * A Date is read as its date in Japan, never in the process time zone.
 */
import { todayJst, weekdayOf } from './schedule/jst';

export { todayJst };

/** Eras by first day (Gregorian, JST). Before 明治6年 Japan used the lunisolar calendar. */
const ERAS = [
	{ name: '令和', from: '2019-05-01' },
	{ name: '平成', from: '1989-01-08' },
	{ name: '昭和', from: '1926-12-25' },
	{ name: '大正', from: '1912-07-30' },
	{ name: '明治', from: '1873-01-01' }
] as const;

const EPOCH_YEAR: Record<(typeof ERAS)[number]['name'], number> = {
	令和: 2019,
	平成: 1989,
	昭和: 1926,
	大正: 1912,
	明治: 1868
};

const WEEKDAYS = ['日', '月', '火', '水', '木', '金', '土'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface WarekiOptions {
	/** false leaves the day out: 令和8年10月. Default true. */
	day?: boolean;
}

/** 令和8年11月22日, 令和元年5月1日, 平成31年4月30日. Dates before 1873 fall back to 西暦 (1850年1月1日). */
export function formatWareki(date: Date | string, opts: WarekiOptions = {}): string {
	const key = jstDate(date);
	const [year, month, day] = key.split('-').map(Number);
	const era = ERAS.find((e) => key >= e.from);
	const eraYear = era ? year - EPOCH_YEAR[era.name] + 1 : year;
	const yearText = era ? `${era.name}${eraYear === 1 ? '元' : eraYear}年` : `${year}年`;
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
	if (!DATE.test(date)) throw new RangeError(`not a date: ${date}`);
	return date;
}
