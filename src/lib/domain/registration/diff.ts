/**
 * Field-by-field comparison of two versions of a listing (a change request against what is
 * published, or an editor's input against what someone else saved meanwhile).
 */
export interface FieldDiff {
	key: string;
	label: string;
	before: string;
	after: string;
	changed: boolean;
	/** the published value moved since the request was made (three-way: base → current) */
	movedSince?: boolean;
}

export type Display = { key: string; label: string; value: string }[];

export function diffDisplays(before: Display | null, after: Display | null, current?: Display | null): FieldDiff[] {
	const keys = [...new Set([...(before ?? []).map((d) => d.key), ...(after ?? []).map((d) => d.key)])];
	const find = (d: Display | null | undefined, key: string) => d?.find((x) => x.key === key);
	return keys.map((key) => {
		const b = find(before, key);
		const a = find(after, key);
		const c = current ? find(current, key) : undefined;
		const beforeValue = b?.value ?? '';
		const afterValue = a?.value ?? '';
		return {
			key,
			label: (a ?? b)!.label,
			before: beforeValue,
			after: afterValue,
			changed: beforeValue !== afterValue,
			...(current !== undefined ? { movedSince: (c?.value ?? '') !== beforeValue } : {})
		};
	});
}

/** Keys whose values differ (arrays compared as sets of their items, in order). */
export function changedKeys<T extends object>(a: T, b: T, keys: (keyof T)[]): (keyof T)[] {
	return keys.filter((k) => JSON.stringify(a[k] ?? '') !== JSON.stringify(b[k] ?? ''));
}
