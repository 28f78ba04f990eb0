/**
 * The service worker's answer to an address with a trailing slash ("/lessons/", "/quiz/"): a
 * 308 redirect to the address without it, query kept, as the static host answers
 * (`scripts/serve-static.mjs`, and hosts with pretty URLs). Pages are files, not folders, so
 * the precache holds "/lessons", not "/lessons/": without this route such a navigation went to
 * the network, and offline got the "Page not found" page while online it was redirected. An
 * address the app does not have ends on the 404 page either way, one redirect later.
 *
 * Both functions are copied into sw.js as source text (workbox-build stringifies a route's
 * matcher and handler), so they use nothing but the worker's globals: no imports, no helpers
 * from this module.
 */
export function isTrailingSlashNavigation({
	request,
	url
}: {
	request: Request;
	url: URL;
}): boolean {
	return request.mode === 'navigate' && /[^/]\/+$/.test(url.pathname);
}

/** The redirect: one leading slash only, so "//host/…" can never lead to another origin. */
export async function redirectWithoutTrailingSlash({ url }: { url: URL }): Promise<Response> {
	const target = new URL(url.href);
	target.pathname = '/' + target.pathname.replace(/^\/+|\/+$/g, '');
	return Response.redirect(target.href, 308);
}
