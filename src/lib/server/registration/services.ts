/**
 * The registration feature's process-wide handles (resources, not request state): the mailer,
 * the geocoder, the photo storage and the key for signed links, opened on first use.
 */
import { createGeocoder, type Geocoder } from '../platform/geocoder/index';
import { createMailer, type Mailer } from '../platform/mail/index';
import { services } from '../platform/services';
import { createStorage, type Storage } from '../platform/storage/index';
import type { Driver } from '../platform/db/types';
import { linkKey } from '../platform/links/keys';

export interface RegistrationServices {
	driver: Driver;
	mailer: Mailer;
	geocoder: Geocoder;
	storage: Storage;
	linkKey: Uint8Array;
}

const globalKey = Symbol.for('tsunagari-map.registration');
type WithRegistration = typeof globalThis & { [globalKey]?: Promise<RegistrationServices> };

export function registration(): Promise<RegistrationServices> {
	const g = globalThis as WithRegistration;
	g[globalKey] ??= services().then(({ driver }) => ({
		driver,
		mailer: createMailer(driver),
		geocoder: createGeocoder(),
		storage: createStorage(),
		linkKey: linkKey()
	}));
	return g[globalKey];
}
