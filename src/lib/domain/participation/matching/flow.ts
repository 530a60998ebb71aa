/**
 * Exact maximum-weight assignment of participants (at most one opening each) to openings (at most
 * their capacity each), as a min-cost flow solved by successive shortest paths with potentials.
 *
 * Network: participant p → opening o (capacity 1, cost −w), opening o → sink (capacity = spare),
 * and p → sink directly (capacity 1, cost 0) meaning "stays unassigned". Every participant then
 * sends exactly one unit, so this is a min-cost *max*-flow whose cost is −(total weight of real
 * assignments): minimising it maximises the total weight, not the number assigned. With all
 * weights positive an optimum is maximal (no free participant with a feasible opening that has
 * room is left over) but need not have maximum cardinality: one participant on their 90-point
 * opening can beat two people on 40-point ones.
 *
 * Participants are added one at a time (as in the Hungarian / Jonker–Volgenant method): each gets
 * the shortest augmenting path from itself to the sink, in reduced costs, by Dijkstra stopped at
 * the sink. After each step the flow is optimal for the participants added so far and the
 * potentials keep every residual arc's reduced cost ≥ 0 — the certificate batch.ts uses to prove
 * the optimum of a pruned graph optimal for the full one.
 */

/** Compressed rows: participant p's candidate edges are start[p] … start[p+1]−1. */
export interface AssignmentProblem {
	participants: number;
	capacity: ArrayLike<number>;
	start: Int32Array;
	to: Int32Array;
	/** Positive integers (costs are −weight; integers keep the potentials exact). */
	weight: Int32Array;
}

export interface AssignmentSolution {
	/** Opening index per participant, or −1. */
	assigned: Int32Array;
	/** The edge index used per participant, or −1. */
	edge: Int32Array;
	total: number;
	/** Potentials: reduced cost of arc u→v is cost + π(u) − π(v), ≥ 0 on every residual arc. */
	piParticipant: Float64Array;
	piOpening: Float64Array;
}

export function solveAssignment(problem: AssignmentProblem): AssignmentSolution {
	const { participants: P, capacity, start, to, weight } = problem;
	const O = capacity.length;
	const T = P + O;
	const N = T + 1;

	const piP = new Float64Array(P);
	const piO = new Float64Array(O);
	// Initial potentials make every arc of the empty flow non-negative although costs are negative:
	// π(o) = −(best weight into o), π(sink) = min(0, min π(o)).
	for (let e = 0; e < to.length; e++) piO[to[e]] = Math.min(piO[to[e]], -weight[e]);
	let piT = 0;
	for (let o = 0; o < O; o++) piT = Math.min(piT, piO[o]);

	const assigned = new Int32Array(P).fill(-2); // −2 not yet added, −1 unassigned
	const edgeOf = new Int32Array(P).fill(-1);
	const spare = Int32Array.from(capacity);
	const users: number[][] = Array.from({ length: O }, () => []);

	const dist = new Float64Array(N);
	const stamp = new Int32Array(N).fill(-1);
	const done = new Int32Array(N).fill(-1);
	const prev = new Int32Array(N);
	const prevEdge = new Int32Array(N);
	const heap = new MinHeap();
	const finalized: number[] = [];

	for (let p0 = 0; p0 < P; p0++) {
		heap.clear();
		finalized.length = 0;
		const relax = (v: number, d: number, from: number, e: number) => {
			if (stamp[v] === p0 && dist[v] <= d) return;
			stamp[v] = p0;
			dist[v] = d;
			prev[v] = from;
			prevEdge[v] = e;
			heap.push(d, v);
		};
		relax(p0, 0, -1, -1);
		while (heap.size > 0) {
			const u = heap.popNode();
			if (done[u] === p0) continue;
			done[u] = p0;
			if (u === T) break;
			finalized.push(u);
			const du = dist[u];
			if (u < P) {
				const cur = assigned[u];
				for (let e = start[u]; e < start[u + 1]; e++) {
					const o = to[e];
					if (o !== cur) relax(P + o, du - weight[e] + piP[u] - piO[o], u, e);
				}
				relax(T, du + piP[u] - piT, u, -1); // stay unassigned
			} else {
				const o = u - P;
				if (spare[o] > 0) relax(T, du + piO[o] - piT, u, -1);
				for (const q of users[o]) relax(q, du + weight[edgeOf[q]] + piO[o] - piP[q], u, -1);
			}
		}
		// π(v) += min(d(v), D) − D: zero for every node not finalised before the sink, so only those change.
		const D = dist[T];
		for (const v of finalized) {
			if (v < P) piP[v] += dist[v] - D;
			else piO[v - P] += dist[v] - D;
		}
		// Augment along the path, walking back from the sink.
		let v = T;
		while (v !== p0) {
			const u = prev[v];
			if (u < P) {
				if (v === T) {
					assigned[u] = -1;
					edgeOf[u] = -1;
				} else {
					assigned[u] = v - P;
					edgeOf[u] = prevEdge[v];
					users[v - P].push(u);
				}
			} else if (v === T) {
				spare[u - P]--;
			} else {
				const list = users[u - P];
				list.splice(list.indexOf(v), 1);
			}
			v = u;
		}
	}
	let total = 0;
	for (let p = 0; p < P; p++) if (edgeOf[p] >= 0) total += weight[edgeOf[p]];
	return { assigned, edge: edgeOf, total, piParticipant: piP, piOpening: piO };
}

/** A binary heap of (distance, node), ties by node so that runs are reproducible. */
class MinHeap {
	private keys: number[] = [];
	private nodes: number[] = [];
	get size(): number {
		return this.keys.length;
	}
	clear(): void {
		this.keys.length = 0;
		this.nodes.length = 0;
	}
	private less(i: number, j: number): boolean {
		return this.keys[i] < this.keys[j] || (this.keys[i] === this.keys[j] && this.nodes[i] < this.nodes[j]);
	}
	private swap(i: number, j: number): void {
		const k = this.keys[i];
		this.keys[i] = this.keys[j];
		this.keys[j] = k;
		const n = this.nodes[i];
		this.nodes[i] = this.nodes[j];
		this.nodes[j] = n;
	}
	push(key: number, node: number): void {
		this.keys.push(key);
		this.nodes.push(node);
		let i = this.keys.length - 1;
		while (i > 0) {
			const parent = (i - 1) >> 1;
			if (!this.less(i, parent)) break;
			this.swap(i, parent);
			i = parent;
		}
	}
	popNode(): number {
		const top = this.nodes[0];
		const lastKey = this.keys.pop()!;
		const lastNode = this.nodes.pop()!;
		if (this.keys.length > 0) {
			this.keys[0] = lastKey;
			this.nodes[0] = lastNode;
			let i = 0;
			for (;;) {
				const l = 2 * i + 1;
				const r = l + 1;
				let m = i;
				if (l < this.keys.length && this.less(l, m)) m = l;
				if (r < this.keys.length && this.less(r, m)) m = r;
				if (m === i) break;
				this.swap(i, m);
				i = m;
			}
		}
		return top;
	}
}
