/** What a bench page reports to bench/map.ts through `window.__bench`. */
export interface BenchResult {
	ms: number;
	points: number;
	error?: string;
}

declare global {
	interface Window {
		__bench?: BenchResult;
	}
}

export const params = new URLSearchParams(location.search);
export const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

/** Runs `start` (data already generated), timing from its call to the promise it returns. */
export async function measure(points: number, start: () => Promise<void>): Promise<void> {
	await nextFrame();
	const t0 = performance.now();
	try {
		await start();
		window.__bench = { ms: performance.now() - t0, points };
	} catch (e) {
		window.__bench = { ms: NaN, points, error: String(e) };
	}
}
