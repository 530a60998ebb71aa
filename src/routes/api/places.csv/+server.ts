import { toCsv } from '$lib/domain/shared/csv';
import { describe } from '$lib/domain/shared/schedule';
import { todayJst } from '$lib/domain/shared/wareki';
import { parseSearch } from '$lib/domain/places/search';
import { label } from '$lib/i18n/index';
import { badParameters, cached } from '$lib/server/platform/http';
import { exportPlaces } from '$lib/server/places/opendata';
import type { RequestHandler } from './$types';

/** Columns after 自治体標準オープンデータセット「公共施設一覧」, with this product's additions. */
const HEADER = [
	'市区町村コード',
	'NO',
	'都道府県名',
	'市区町村名',
	'名称',
	'名称_カナ',
	'種別',
	'住所',
	'緯度',
	'経度',
	'位置の精度',
	'電話番号',
	'メールアドレス',
	'団体名',
	'開催日時',
	'料金（基本）',
	'料金（詳細）',
	'対象',
	'配慮',
	'説明',
	'バリアフリー情報',
	'URL',
	'最終確認日',
	'ID'
];
const PRECISION = { exact: '正確', approximate: 'おおよそ（約1km四方）', contact_only: '非公開（窓口のみ）' };

export const GET: RequestHandler = async ({ url, request, locals }) => {
	const { filter, errors } = parseSearch(url.searchParams);
	if (errors.length) return badParameters(errors);
	const now = new Date();
	const places = await locals.db((tx) => exportPlaces(tx, filter, now));
	const rows = places.map((p, i) => [
		p.municipalityCode,
		i + 1,
		p.prefecture,
		p.municipalityName,
		p.name,
		p.nameKana,
		label('category', p.category, 'ja'),
		p.address,
		p.lat?.toFixed(6),
		p.lon?.toFixed(6),
		PRECISION[p.disclosure],
		p.phone,
		p.email,
		p.organization?.name,
		p.activities.map((a) => (a.schedule.rrule ? describe(a.schedule, 'ja', { now }) : a.scheduleNote)).join('／'),
		p.feeYen,
		p.feeNote,
		p.targetGroups.map((t) => label('target_group', t, 'ja')),
		p.accommodations.map((a) => label('accommodation', a, 'ja')),
		p.summary ?? p.description,
		p.accessibility,
		new URL(`/places/${p.id}`, url).href,
		p.verifiedAt ? todayJst(p.verifiedAt) : null,
		p.id
	]);
	return cached(request, toCsv(HEADER, rows), {
		'content-type': 'text/csv; charset=utf-8',
		'content-disposition': `attachment; filename="places-${todayJst(now)}.csv"`
	});
};
