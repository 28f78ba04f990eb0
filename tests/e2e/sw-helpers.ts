import type { Page } from '@playwright/test';

/**
 * Waits until the service worker has installed (precached everything) and controls the page.
 * The app registers it only once the page has loaded and gone idle, so this may take a moment.
 */
export async function waitForServiceWorker(page: Page): Promise<void> {
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller) {
			await new Promise((resolve) =>
				navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true })
			);
		}
	});
}

/**
 * Logs, in every page of `page`, what the service worker machinery does: when the app calls
 * navigator.serviceWorker.register() and what the registration holds when it resolves, who
 * listens for 'updatefound' and when it fires, each worker's state changes, controller changes
 * and when the update banner appears. `lines()` returns the log (timed from each page's start),
 * so a test that waits in vain for the update prompt can say where it was lost.
 */
export async function probeServiceWorker(page: Page): Promise<{ lines(): string[] }> {
	const lines: string[] = [];
	page.on('console', (m) => {
		if (m.text().startsWith('[sw-probe]')) lines.push(m.text());
	});
	page.on('load', () => lines.push(`[sw-probe] page load event: ${page.url()}`));
	await page.addInitScript(() => {
		const container = navigator.serviceWorker;
		if (!container) return;
		const add = ServiceWorkerRegistration.prototype.addEventListener;
		const log = (what: string) =>
			console.log(`[sw-probe] ${Math.round(performance.now())} ms ${location.pathname} ${what}`);
		const id = new WeakMap<ServiceWorker, string>();
		let next = 0;
		const name = (w: ServiceWorker | null | undefined) => {
			if (!w) return '-';
			if (!id.has(w)) {
				id.set(w, `sw${++next}`);
				w.addEventListener('statechange', () => log(`${id.get(w)} statechange → ${w.state}`));
			}
			return `${id.get(w)}(${w.state})`;
		};
		const describe = (r: ServiceWorkerRegistration) =>
			`installing=${name(r.installing)} waiting=${name(r.waiting)} active=${name(r.active)} controller=${name(container.controller)}`;
		const watched = new WeakSet<ServiceWorkerRegistration>();
		const watch = (r: ServiceWorkerRegistration) => {
			if (watched.has(r)) return;
			watched.add(r);
			add.call(r, 'updatefound', () => log(`updatefound: ${describe(r)}`));
		};
		log(`page start: controller=${name(container.controller)}`);
		void container.getRegistration().then((r) => {
			if (!r) return log('no registration yet');
			watch(r);
			log(`existing registration: ${describe(r)}`);
		});
		container.addEventListener('controllerchange', () =>
			log(`controllerchange: controller=${name(container.controller)}`)
		);
		const register = container.register.bind(container);
		container.register = async (...args: Parameters<typeof register>) => {
			log(`app calls register(${String(args[0])})`);
			const r = await register(...args);
			watch(r);
			log(`register resolved: ${describe(r)}`);
			return r;
		};
		ServiceWorkerRegistration.prototype.addEventListener = function (
			this: ServiceWorkerRegistration,
			...args: Parameters<typeof add>
		) {
			if (args[0] === 'updatefound') log(`a listener for updatefound is added`);
			return add.apply(this, args);
		};
		const update = ServiceWorkerRegistration.prototype.update;
		ServiceWorkerRegistration.prototype.update = async function (this: ServiceWorkerRegistration) {
			log(`update() called: ${describe(this)}`);
			const result = await update.call(this);
			log(`update() resolved: ${describe(this)}`);
			return result;
		};
		addEventListener('DOMContentLoaded', () => {
			new MutationObserver(() => {
				if (document.querySelector('[data-testid="update-banner"]') && !seen) {
					seen = true;
					log('update banner shown');
				}
			}).observe(document.body, { childList: true, subtree: true });
		});
		let seen = false;
	});
	return { lines: () => lines };
}
