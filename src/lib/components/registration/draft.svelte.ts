/**
 * A form's unsaved input kept in the browser (localStorage), so a closed tab or a lost
 * connection loses nothing. Written as the person types (debounced); offered back when the
 * page opens again; cleared once the server has accepted the form.
 */
import type { Writable } from 'svelte/store';
import { DAY_MS } from '$lib/domain/shared/schedule/jst';

interface Stored {
	savedAt: number;
	data: Record<string, unknown>;
}

const PREFIX = 'tm-draft:';
/** drafts older than this are dropped */
const MAX_AGE_MS = 30 * DAY_MS;

export class BrowserDraft {
	/** a stored draft that differs from what the page opened with */
	offer = $state<{ savedAt: Date } | null>(null);
	#key: string;
	#form: Writable<Record<string, unknown>>;
	#keep: string[];
	#timer: ReturnType<typeof setTimeout> | null = null;
	#stored: Stored | null = null;
	#watching = false;
	#unsubscribe: (() => void) | null = null;

	/** `keep`: fields never restored from a draft (the form's own ids). */
	constructor(key: string, form: Writable<Record<string, unknown>>, keep: string[] = []) {
		this.#key = PREFIX + key;
		this.#form = form;
		this.#keep = keep;
	}

	/** Call in onMount: looks for a draft, then saves as the form changes. */
	start(): () => void {
		let current: Record<string, unknown> = {};
		const unsubscribe = this.#form.subscribe((v) => {
			current = v;
			if (this.#watching) this.#schedule(v);
		});
		this.#unsubscribe = unsubscribe;
		try {
			const raw = localStorage.getItem(this.#key);
			const stored: Stored | null = raw ? JSON.parse(raw) : null;
			if (stored && Date.now() - stored.savedAt < MAX_AGE_MS && this.#differs(stored.data, current)) {
				this.#stored = stored;
				// a value shown once, never mutated: no reactive date needed
				// eslint-disable-next-line svelte/prefer-svelte-reactivity
				this.offer = { savedAt: new Date(stored.savedAt) };
			} else if (stored) localStorage.removeItem(this.#key);
		} catch {
			// storage disabled or full: the form still works, only without drafts
		}
		this.#watching = true;
		return () => {
			unsubscribe();
			if (this.#timer) clearTimeout(this.#timer);
		};
	}

	restore() {
		if (!this.#stored) return;
		const data = this.#stored.data;
		this.#form.update((v) => {
			const next = { ...v };
			for (const [k, value] of Object.entries(data)) if (k in v && !this.#keep.includes(k)) next[k] = value;
			return next;
		});
		this.offer = null;
	}

	discard() {
		this.offer = null;
		this.#stored = null;
		this.clear();
	}

	/** The server accepted the form. */
	clear() {
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = null;
		try {
			localStorage.removeItem(this.#key);
		} catch {
			/* nothing stored */
		}
	}

	/** Stop saving (e.g. while the accepted form redirects away). */
	stop() {
		this.#watching = false;
		this.#unsubscribe?.();
		this.clear();
	}

	#schedule(v: Record<string, unknown>) {
		if (this.offer) return; // do not overwrite a draft the person has not decided about
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = setTimeout(() => {
			try {
				localStorage.setItem(this.#key, JSON.stringify({ savedAt: Date.now(), data: v } satisfies Stored));
			} catch {
				/* storage full or disabled */
			}
		}, 400);
	}

	#differs(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
		return Object.keys(a).some((k) => !this.#keep.includes(k) && k in b && JSON.stringify(a[k]) !== JSON.stringify(b[k]));
	}
}
