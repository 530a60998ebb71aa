import { describe, expect, it } from 'vitest';
import { inJapanOutline } from '$lib/domain/shared/japan';
import { createGsiGeocoder, parseGsiResponse } from './gsi';
import { createRecordedGeocoder } from './recorded';
import responses from './recorded-responses.json';

describe('geocoder', () => {
	it('the recorded stand-in answers through the same parser as the live adapter', async () => {
		const g = createRecordedGeocoder();
		expect(await g.search('静岡県ひだまり市駅前3-1')).toEqual([{ lon: 138.4101, lat: 34.9801, label: '静岡県ひだまり市駅前' }]);
		expect(await g.search('ｈｉｄａｍａｒｉ')).toEqual([]);
		expect((await g.search('ひだまり市本町', 1)).length).toBe(1);
		expect(await g.search('存在しない住所')).toEqual([]);
	});

	it('drops malformed features and points outside Japan', () => {
		const body = [
			...(responses as Record<string, unknown[]>)['東京都千代田区千代田1-1'],
			{ geometry: { coordinates: [126.97, 37.56], type: 'Point' }, type: 'Feature', properties: { title: 'ソウル' } },
			{ geometry: { coordinates: ['x', 'y'] }, properties: { title: '壊れた' } },
			{ properties: {} },
			'garbage'
		];
		expect(parseGsiResponse(body)).toEqual([{ lon: 139.7528, lat: 35.6852, label: '東京都千代田区千代田' }]);
		expect(parseGsiResponse({ not: 'an array' })).toEqual([]);
	});

	it('the 国土地理院 adapter never throws: offline it finds nothing, online only points in Japan', async () => {
		const hits = await createGsiGeocoder(fetch, 3000).search('静岡県静岡市葵区追手町9-6');
		expect(Array.isArray(hits)).toBe(true);
		for (const h of hits) expect(inJapanOutline(h.lon, h.lat)).toBe(true);
		expect(await createGsiGeocoder().search('a')).toEqual([]);
	}, 10_000);
});
