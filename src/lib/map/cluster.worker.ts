/** Builds the cluster index off the main thread; answers view queries in order. */
import { ClusterCore } from './cluster-core';
import type { WorkerRequest, WorkerResponse } from './cluster';

const scope = self as unknown as {
	onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
	postMessage(message: WorkerResponse, transfer?: Transferable[]): void;
};
let core: ClusterCore | null = null;

scope.onmessage = ({ data: m }) => {
	if (m.type === 'load') {
		core = new ClusterCore(m.coords);
		return;
	}
	if (m.type === 'complete') {
		core?.complete();
		return;
	}
	try {
		if (!core) throw new Error('cluster index not loaded');
		if (m.type === 'query') {
			const items = core.query(m.bbox, m.zoom);
			scope.postMessage({ id: m.id, items }, [items.buffer]);
		} else {
			scope.postMessage({ id: m.id, zoom: core.expansionZoom(m.clusterId) });
		}
	} catch (e) {
		scope.postMessage({ id: m.id, error: String(e) });
	}
};
