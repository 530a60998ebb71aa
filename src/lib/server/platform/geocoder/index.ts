/** Picks the geocoder: GEOCODER=recorded uses the recorded responses; otherwise 国土地理院. */
import { createGsiGeocoder } from './gsi';
import type { Geocoder } from './port';
import { createRecordedGeocoder } from './recorded';

export type { GeocodeHit, Geocoder } from './port';

export function createGeocoder(env: Record<string, string | undefined> = process.env): Geocoder {
	return env.GEOCODER === 'recorded' ? createRecordedGeocoder() : createGsiGeocoder();
}
