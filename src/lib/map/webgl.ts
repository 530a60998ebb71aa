/** MapLibre GL 6 needs WebGL2; without it MapView uses Leaflet. Safe to call during SSR (false). */
export function webgl2Available(): boolean {
	if (typeof document === 'undefined') return false;
	try {
		const gl = document.createElement('canvas').getContext('webgl2');
		if (!gl) return false;
		gl.getExtension('WEBGL_lose_context')?.loseContext();
		return true;
	} catch {
		return false;
	}
}
