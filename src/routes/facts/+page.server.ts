import { learnerFactBase } from '$lib/server/fact-base';

/** The fact base, rendered at build time (see $lib/server/fact-base). */
export function load() {
	return learnerFactBase();
}
