/** A small seeded generator, so the demo town is the same on every machine. */
export function seededRandom(seed: number) {
	let a = seed >>> 0;
	const next = () => {
		// mulberry32
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return {
		next,
		int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
		pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
		chance: (p: number) => next() < p,
		some: <T>(items: readonly T[], min: number, max: number): T[] => {
			const n = min + Math.floor(next() * (max - min + 1));
			const pool = [...items];
			const out: T[] = [];
			while (out.length < n && pool.length) out.push(pool.splice(Math.floor(next() * pool.length), 1)[0]);
			return out;
		}
	};
}
export type Random = ReturnType<typeof seededRandom>;

/** A stable UUID from a name, so fixtures and links can refer to demo rows. */
export function demoId(name: string): string {
	let h1 = 0x811c9dc5;
	let h2 = 0x01000193;
	const hex: string[] = [];
	for (let round = 0; round < 4; round++) {
		for (const ch of `${round}:${name}`) {
			h1 = Math.imul(h1 ^ ch.codePointAt(0)!, 0x01000193) >>> 0;
			h2 = Math.imul(h2 ^ h1, 0x5bd1e995) >>> 0;
		}
		hex.push(((h1 ^ h2) >>> 0).toString(16).padStart(8, '0'));
	}
	const s = hex.join('');
	return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-a${s.slice(17, 20)}-${s.slice(20, 32)}`;
}
