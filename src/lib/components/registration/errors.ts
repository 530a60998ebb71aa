/** superforms' errors for a field: a string[] for scalars, { _errors } (or per-item) for arrays. */
export function fieldErrors(e: unknown): string[] | undefined {
	if (!e) return undefined;
	if (Array.isArray(e)) return e.length ? (e as string[]) : undefined;
	if (typeof e === 'object') {
		const o = e as Record<string, unknown>;
		if (Array.isArray(o._errors) && o._errors.length) return o._errors as string[];
		for (const v of Object.values(o)) {
			const nested = fieldErrors(v);
			if (nested) return nested;
		}
	}
	return undefined;
}

export interface Option {
	value: string;
	label: string;
}
