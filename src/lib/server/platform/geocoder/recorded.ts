/**
 * THE ONE STAND-IN (mock) OF ISSUE 4: recorded 国土地理院 アドレス検索 responses, for tests and
 * for demos without internet access (GEOCODER=recorded). The responses are in the service's
 * format and go through the same parser as the live adapter. They cover the demo town ひだまり市
 * (fictional, so the live service does not know it — its addresses sit in 静岡市's area) and a
 * few real addresses. Matching is on the normalised query, longest recorded prefix first.
 */
import responses from './recorded-responses.json';
import { geocodeQuery, parseGsiResponse } from './gsi';
import type { Geocoder } from './port';

const RECORDED = responses as Record<string, unknown[]>;
const KEYS = Object.keys(RECORDED).sort((a, b) => b.length - a.length);

export function createRecordedGeocoder(): Geocoder {
	return {
		kind: 'recorded',
		async search(query, limit = 5) {
			const q = geocodeQuery(query).replace(/\s/g, '');
			const key = KEYS.find((k) => q.startsWith(k.replace(/\s/g, '')));
			return key ? parseGsiResponse(RECORDED[key], limit) : [];
		}
	};
}
