import { toCsv } from '$lib/domain/shared/csv';
import { parseSearch } from '$lib/domain/places/search';
import { todayJst } from '$lib/domain/shared/wareki';
import { formatTime } from '$lib/i18n/format';
import { label } from '$lib/i18n/index';
import { badParameters, cached } from '$lib/server/platform/http';
import { exportEvents } from '$lib/server/places/opendata';
import type { RequestHandler } from './$types';

/** Columns after 自治体標準オープンデータセット「イベント一覧」. */
const HEADER = [
	'市区町村コード',
	'NO',
	'都道府県名',
	'市区町村名',
	'イベント名',
	'開始日',
	'終了日',
	'開始時間',
	'終了時間',
	'説明',
	'料金（基本）',
	'料金（詳細）',
	'連絡先名称',
	'連絡先電話番号',
	'主催者',
	'場所名称',
	'住所',
	'緯度',
	'経度',
	'対象',
	'URL',
	'カテゴリー'
];
const DAYS = 90;

/** One row per occurrence in the next 90 days. */
export const GET: RequestHandler = async ({ url, request, locals }) => {
	const { filter, errors } = parseSearch(url.searchParams);
	if (errors.length) return badParameters(errors);
	const now = new Date();
	const events = await locals.db((tx) => exportEvents(tx, filter, now, DAYS));
	const rows = events.map((e, i) => [
		e.municipalityCode,
		i + 1,
		e.prefecture,
		e.municipalityName,
		`${e.placeName}（${e.activityTitle}）`,
		todayJst(e.startsAt),
		todayJst(e.endsAt),
		formatTime(e.startsAt),
		formatTime(e.endsAt),
		e.summary,
		e.feeYen,
		e.feeNote,
		e.organizationName,
		e.phone,
		e.organizationName,
		e.placeName,
		e.address,
		e.lat?.toFixed(6),
		e.lon?.toFixed(6),
		e.targetGroups.map((t) => label('target_group', t, 'ja')),
		new URL(`/places/${e.placeId}`, url).href,
		label('category', e.category, 'ja')
	]);
	return cached(request, toCsv(HEADER, rows), {
		'content-type': 'text/csv; charset=utf-8',
		'content-disposition': `attachment; filename="events-${todayJst(now)}.csv"`
	});
};
