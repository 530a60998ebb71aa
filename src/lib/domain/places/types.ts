import type { AreaKind, Accommodation, Category, DisclosureLevel } from '$lib/domain/shared/taxonomy';

/** A search result as the list shows it; the display strings are made on the server. */
export interface CardPlace {
	id: string;
	name: string;
	category: Category;
	summary: string | null;
	publicAddress: string | null;
	disclosure: DisclosureLevel;
	feeYen: number | null;
	accommodations: Accommodation[];
	distanceM: number | null;
	/** the next date, e.g. 11月25日（水）10:00〜12:00 */
	next: string | null;
	/** schedule sentences, e.g. 毎月第2・第4水曜 10:00〜12:00（祝日は休み） */
	when: string[];
	located: boolean;
}

export interface AreaOption {
	id: string;
	name: string;
	kind: AreaKind;
	depth: number;
}
