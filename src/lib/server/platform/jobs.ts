/**
 * Runs scheduled jobs: each on its own interval, never two runs of one job at once, a failure
 * logged and tried again at the next tick. The list of jobs lives in `$lib/server/jobs`; this
 * module knows none of them.
 */
export interface Job {
	name: string;
	everyMs: number;
	/** run once at start as well */
	atStart?: boolean;
	run: (now: Date) => Promise<unknown>;
}

export interface Scheduler {
	/** runs one job now (tests, the admin's button); resolves when it has finished */
	runNow(name: string, now?: Date): Promise<void>;
	stop(): void;
}

export function startJobs(
	jobs: Job[],
	log: (job: string, error: unknown) => void = (job, e) => console.error(`job ${job} failed`, e)
): Scheduler {
	const running = new Map<string, Promise<void>>();
	const runOne = (job: Job, now = new Date()): Promise<void> => {
		const busy = running.get(job.name);
		if (busy) return busy;
		const run = job
			.run(now)
			.then(() => undefined)
			.catch((e: unknown) => log(job.name, e))
			.finally(() => running.delete(job.name));
		running.set(job.name, run);
		return run;
	};
	const timers = jobs.map((job) => {
		if (job.atStart) void runOne(job);
		const timer = setInterval(() => void runOne(job), job.everyMs);
		timer.unref();
		return timer;
	});
	return {
		runNow(name, now) {
			const job = jobs.find((j) => j.name === name);
			if (!job) throw new Error(`no job named ${name}`);
			return runOne(job, now);
		},
		stop() {
			for (const t of timers) clearInterval(t);
		}
	};
}
