import { describe, expect, it } from 'vitest';
import { pwaOptions } from '../../scripts/pwa-options';
import {
	isTrailingSlashNavigation,
	redirectWithoutTrailingSlash
} from '../../scripts/sw-trailing-slash';

const ORIGIN = 'https://sts.example';
const navigation = (path: string, mode: RequestMode = 'navigate') => ({
	request: { mode } as Request,
	url: new URL(ORIGIN + path)
});

/**
 * The functions as sw.js gets them: workbox-build copies their source text into the worker, so
 * they must work without this module's scope.
 */
function asCopiedIntoWorker<F>(fn: F): F {
	return new Function(`return (${String(fn)});`)() as F;
}

describe.each([
	['as written', isTrailingSlashNavigation, redirectWithoutTrailingSlash],
	[
		'as copied into sw.js',
		asCopiedIntoWorker(isTrailingSlashNavigation),
		asCopiedIntoWorker(redirectWithoutTrailingSlash)
	]
])('a trailing slash in the service worker (%s)', (_, matches, redirect) => {
	it('matches navigations to an address ending in a slash, not the root or other requests', () => {
		for (const path of ['/lessons/', '/quiz/', '/lessons/assume-role/', '/quiz//', '/nope/'])
			expect(matches(navigation(path)), path).toBe(true);
		for (const path of ['/', '//', '/lessons', '/lessons/assume-role', '/search?q=a/'])
			expect(matches(navigation(path)), path).toBe(false);
		// Page data, scripts and files are not navigations.
		expect(matches(navigation('/lessons/', 'cors'))).toBe(false);
		expect(matches(navigation('/lessons/', 'same-origin'))).toBe(false);
	});

	it('redirects (308) to the same address without the slash, query kept, as the host does', async () => {
		for (const [from, to] of [
			['/lessons/', '/lessons'],
			['/quiz/', '/quiz'],
			['/lessons/assume-role/', '/lessons/assume-role'],
			['/quiz/practice/?topic=mfa', '/quiz/practice?topic=mfa'],
			['/glossary///', '/glossary'],
			// One leading slash only: never "//evil.example/", which would leave the origin.
			['//evil.example/', '/evil.example']
		]) {
			const response = await redirect({ url: new URL(ORIGIN + from) });
			expect(response.status, from).toBe(308);
			expect(response.headers.get('location'), from).toBe(`${ORIGIN}${to}`);
		}
	});
});

describe('the service worker configuration', () => {
	it('redirects a trailing slash before the route that sends unknown navigations to the network', () => {
		const routes = pwaOptions.workbox?.runtimeCaching ?? [];
		expect(routes[0]).toMatchObject({
			urlPattern: isTrailingSlashNavigation,
			handler: redirectWithoutTrailingSlash
		});
		expect(routes[1]).toMatchObject({ handler: 'NetworkOnly' });
	});
});
