import { describe, expect, it } from 'vitest';
import { watchForUpdate, type RegistrationLike, type WorkerLike } from './sw-update';

/** A service worker whose state changes only when the test says so. */
class FakeWorker implements WorkerLike {
	private listeners: (() => void)[] = [];
	constructor(public state: string) {}
	addEventListener(_type: 'statechange', listener: () => void): void {
		this.listeners.push(listener);
	}
	to(state: string): void {
		this.state = state;
		for (const listener of this.listeners) listener();
	}
}

/** A registration whose installing and waiting workers the test sets, firing 'updatefound'. */
class FakeRegistration implements RegistrationLike {
	installing: FakeWorker | null = null;
	waiting: FakeWorker | null = null;
	private listeners: (() => void)[] = [];
	addEventListener(_type: 'updatefound', listener: () => void): void {
		this.listeners.push(listener);
	}
	/** The browser found a new worker: it is installing. */
	find(): FakeWorker {
		const worker = new FakeWorker('installing');
		this.installing = worker;
		for (const listener of this.listeners) listener();
		return worker;
	}
	/** The installing worker has installed and now waits. */
	install(worker: FakeWorker): void {
		this.installing = null;
		this.waiting = worker;
		worker.to('installed');
	}
}

function watched(registration: FakeRegistration, controlled = true) {
	const calls = { count: 0 };
	watchForUpdate(
		registration,
		() => controlled,
		() => calls.count++
	);
	return calls;
}

describe('watchForUpdate', () => {
	it('offers a worker found after the watch starts once it has installed, not before', () => {
		const registration = new FakeRegistration();
		const calls = watched(registration);
		const worker = registration.find();
		expect(calls.count).toBe(0);
		registration.install(worker);
		expect(calls.count).toBe(1);
	});

	it('offers a worker that was still installing when the watch started (its updatefound missed)', () => {
		const registration = new FakeRegistration();
		const worker = registration.find();
		const calls = watched(registration);
		expect(calls.count).toBe(0);
		registration.install(worker);
		expect(calls.count).toBe(1);
	});

	it('offers a worker already waiting when the watch starts', () => {
		const registration = new FakeRegistration();
		registration.install(registration.find());
		expect(watched(registration).count).toBe(1);
	});

	it('offers nothing for the first worker of a page no worker controls', () => {
		const registration = new FakeRegistration();
		const calls = watched(registration, false);
		registration.install(registration.find());
		expect(calls.count).toBe(0);
	});

	it('offers nothing for a worker that fails to install', () => {
		const registration = new FakeRegistration();
		const calls = watched(registration);
		registration.find().to('redundant');
		expect(calls.count).toBe(0);
	});

	it('offers each later version too', () => {
		const registration = new FakeRegistration();
		const calls = watched(registration);
		registration.install(registration.find());
		registration.waiting?.to('redundant');
		registration.install(registration.find());
		expect(calls.count).toBe(2);
	});
});
