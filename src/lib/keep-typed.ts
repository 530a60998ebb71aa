/**
 * Puts back what a person typed or chose before the page hydrated (static/keep-typed.js noted it):
 * each control gets its value again, and an `input` / `change` event so that bound state and
 * form libraries learn of it as if the person had typed after hydration.
 */
interface Noted {
	value: string;
	checked: boolean;
}

declare global {
	interface Window {
		__tmTypedDone?: () => Map<Element, Noted> | null;
	}
}

export function restoreTypedBeforeHydration(): number {
	const noted = window.__tmTypedDone?.();
	if (!noted) return 0;
	let restored = 0;
	for (const [el, { value, checked }] of noted) {
		if (!el.isConnected) continue;
		if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) {
			if (el.checked === checked) continue;
			el.checked = checked;
			el.dispatchEvent(new Event('change', { bubbles: true }));
		} else if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) {
			if (el.value === value || (el instanceof HTMLInputElement && el.type === 'file')) continue;
			el.value = value;
			el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
		} else continue;
		restored++;
	}
	return restored;
}
