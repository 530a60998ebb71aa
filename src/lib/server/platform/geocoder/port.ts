/** Turns a typed address into points on the map. */
export interface GeocodeHit {
	lon: number;
	lat: number;
	/** the address as the service names it */
	label: string;
}

export interface Geocoder {
	/** 'gsi' = 国土地理院 アドレス検索 (production); 'recorded' = recorded responses (tests, offline demos) */
	readonly kind: 'gsi' | 'recorded';
	/** Up to `limit` hits inside Japan, best first; [] when nothing matched or the service failed. */
	search(query: string, limit?: number): Promise<GeocodeHit[]>;
}
