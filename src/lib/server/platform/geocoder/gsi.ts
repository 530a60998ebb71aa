/**
 * The production geocoder: 国土地理院 アドレス検索 (https://msearch.gsi.go.jp/address-search/AddressSearch?q=…),
 * free and without a key. It answers a JSON array of GeoJSON features:
 *   [{"geometry":{"coordinates":[138.383,34.976],"type":"Point"},"type":"Feature",
 *     "properties":{"addressCode":"","title":"静岡県静岡市葵区追手町"}}]
 */
import { inJapanOutline } from '$lib/domain/shared/japan';
import { normalizeText } from '$lib/domain/shared/text';
import type { GeocodeHit, Geocoder } from './port';

export const GSI_ENDPOINT = 'https://msearch.gsi.go.jp/address-search/AddressSearch';

/** The hits in a response body; anything malformed or outside Japan is dropped. */
export function parseGsiResponse(body: unknown, limit = 5): GeocodeHit[] {
	if (!Array.isArray(body)) return [];
	const hits: GeocodeHit[] = [];
	for (const f of body) {
		const coords = f?.geometry?.coordinates;
		const title = f?.properties?.title;
		if (!Array.isArray(coords) || typeof title !== 'string') continue;
		const [lon, lat] = coords.map(Number);
		if (!Number.isFinite(lon) || !Number.isFinite(lat) || !inJapanOutline(lon, lat)) continue;
		hits.push({ lon, lat, label: title.slice(0, 200) });
		if (hits.length >= limit) break;
	}
	return hits;
}

export const geocodeQuery = (q: string) => normalizeText(q).replace(/\s+/g, ' ').slice(0, 200);

export function createGsiGeocoder(fetcher: typeof fetch = fetch, timeoutMs = 4000): Geocoder {
	return {
		kind: 'gsi',
		async search(query, limit = 5) {
			const q = geocodeQuery(query);
			if (q.length < 2) return [];
			try {
				const res = await fetcher(`${GSI_ENDPOINT}?q=${encodeURIComponent(q)}`, {
					signal: AbortSignal.timeout(timeoutMs),
					headers: { accept: 'application/json' }
				});
				if (!res.ok) return [];
				return parseGsiResponse(await res.json(), limit);
			} catch {
				// offline, timed out, or not JSON: the form says "not found" and the map still works
				return [];
			}
		}
	};
}
