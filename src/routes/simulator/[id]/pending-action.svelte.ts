/**
 * One learner action at a time (a step, a free-play call) that may wait for code to load: a press
 * while it is pending is ignored, `busy` holds until it has finished, and `slow` says so once it
 * has waited long enough to be worth saying ("Loading what this step needs…").
 */
export class PendingAction {
	busy = $state(false);
	slow = $state(false);
	/** The action in progress, for others that must come after it. */
	pending: Promise<void> | undefined;

	constructor(private readonly slowAfterMs = 250) {}

	/** Runs `work` unless an action is pending (then resolves with that one). */
	run(work: () => Promise<void>): Promise<void> {
		if (this.pending) return this.pending;
		this.busy = true;
		const slow = setTimeout(() => (this.slow = true), this.slowAfterMs);
		this.pending = (async () => {
			try {
				await work();
			} finally {
				clearTimeout(slow);
				this.slow = false;
				this.busy = false;
				this.pending = undefined;
			}
		})();
		return this.pending;
	}
}
