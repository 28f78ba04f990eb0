// Serves the built site the way a static host does (Netlify, Cloudflare Pages, S3+CloudFront
// with pretty URLs): /a/b → /a/b.html or /a/b/index.html, unknown paths → 404 with 404.html.
// Usage: node scripts/serve-static.mjs [DIR=build] [--port 4173] [--host 127.0.0.1]
import { createServer } from 'node:http';
import { createSecureServer } from 'node:http2';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { createGzip } from 'node:zlib';

/** @type {Record<string, string>} */
const types = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.webmanifest': 'application/manifest+json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.txt': 'text/plain; charset=utf-8',
	'.woff2': 'font/woff2'
};

// The security headers documented in the README ("Deploying"), sent with every response.
// The header CSP carries what a <meta> CSP cannot (frame-ancestors) and what is the same on every
// page; script-src, with each page's own inline-script hash, is in the page's <meta> CSP, which
// SvelteKit writes. Both policies apply, so a page gets the stricter of each.
export const headerCsp = [
	"object-src 'none'",
	"base-uri 'self'",
	"form-action 'self'",
	"frame-ancestors 'none'",
	"connect-src 'self'",
	"img-src 'self' data:",
	"font-src 'self'",
	"manifest-src 'self'",
	"worker-src 'self'",
	"style-src 'self' 'unsafe-inline'"
].join('; ');

export const securityHeaders = {
	'Content-Security-Policy': headerCsp,
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'no-referrer',
	'X-Frame-Options': 'DENY',
	'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
	'Cross-Origin-Opener-Policy': 'same-origin',
	'Cross-Origin-Resource-Policy': 'same-origin'
};

/**
 * Hashed assets never change; everything else (HTML, sw.js, version.json) is revalidated.
 * @param {string} pathname
 */
export function cacheControl(pathname) {
	return pathname.startsWith('/_app/immutable/')
		? 'public, max-age=31536000, immutable'
		: 'no-cache';
}

/** @param {string} root @param {string} pathname */
function resolveFile(root, pathname) {
	const clean = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
	const base = join(root, clean);
	if (!base.startsWith(root)) return undefined;
	for (const candidate of [base, `${base}.html`, join(base, 'index.html')]) {
		if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
	}
	return undefined;
}

/**
 * The request handler of both servers below: the static-host URL mapping, gzip for text, the
 * security and cache headers. `delayMs` (tests only) holds back the response to a path by that
 * many milliseconds, to stand in for a slow network.
 * @param {string} root
 * @param {((pathname: string) => number) | undefined} delayMs
 */
function staticHandler(root, delayMs) {
	root = resolve(root);
	/**
	 * @param {import('node:http').IncomingMessage | import('node:http2').Http2ServerRequest} req
	 * @param {import('node:http').ServerResponse | import('node:http2').Http2ServerResponse} res
	 */
	return async (req, res) => {
		const url = new URL(req.url ?? '/', 'http://localhost');
		const delay = delayMs?.(url.pathname) ?? 0;
		if (delay > 0) await new Promise((done) => setTimeout(done, delay));
		const file = resolveFile(root, url.pathname);
		const headers = { ...securityHeaders };
		// /lessons/ → /lessons, as hosts with pretty URLs redirect: pages are files, not folders.
		// One leading slash only: "//host/…" in Location would send the browser to another host.
		const withoutSlash = '/' + url.pathname.replace(/^\/+|\/+$/g, '');
		if (!file && withoutSlash && withoutSlash !== url.pathname && resolveFile(root, withoutSlash)) {
			res.writeHead(308, { ...headers, Location: `${withoutSlash}${url.search}` });
			res.end();
			return;
		}
		if (!file) {
			const notFound = join(root, '404.html');
			res.writeHead(404, {
				...headers,
				'Content-Type': types['.html'],
				'Cache-Control': 'no-cache'
			});
			// The app's prerendered "Page not found" (src/routes/404), with the header and links home.
			if (req.method === 'HEAD') res.end();
			else if (existsSync(notFound)) createReadStream(notFound).pipe(res);
			else res.end('Not found');
			return;
		}
		const type = types[extname(file)] ?? 'application/octet-stream';
		// Text is gzipped, as every static host does, so Lighthouse sees realistic transfer sizes.
		const gzip =
			/^(text|application\/(json|manifest)|image\/svg)/.test(type) &&
			/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
		res.writeHead(200, {
			...headers,
			'Content-Type': type,
			'Cache-Control': cacheControl(url.pathname),
			...(gzip ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : {})
		});
		if (req.method === 'HEAD') res.end();
		else if (gzip) createReadStream(file).pipe(createGzip()).pipe(res);
		else createReadStream(file).pipe(res);
	};
}

/**
 * Starts a static server (plain HTTP/1.1) for root; resolves with the listening server.
 * @param {string} root
 * @param {{ port?: number, host?: string, delayMs?: (pathname: string) => number }} [options]
 * @returns {Promise<import('node:http').Server>}
 */
export function serveStatic(root, { port = 4173, host = '127.0.0.1', delayMs } = {}) {
	const server = createServer(staticHandler(root, delayMs));
	return new Promise((done) => server.listen(port, host, () => done(server)));
}

/**
 * The same server over HTTPS with HTTP/2, as static hosts serve sites (HTTP/1.1 is still offered
 * to a client that does not negotiate h2). `tls` is a key and certificate in PEM.
 * @param {string} root
 * @param {{ port?: number, host?: string, tls: { key: string, cert: string } }} options
 * @returns {Promise<import('node:http2').Http2SecureServer>}
 */
export function serveStaticOverTls(root, { port = 4173, host = '127.0.0.1', tls }) {
	const server = createSecureServer({ ...tls, allowHTTP1: true }, staticHandler(root, undefined));
	return new Promise((done) => server.listen(port, host, () => done(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const args = process.argv.slice(2);
	/** @param {string} name @param {string} fallback */
	const opt = (name, fallback) => {
		const i = args.indexOf(`--${name}`);
		return i >= 0 ? args[i + 1] : fallback;
	};
	const root =
		args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? 'build';
	const port = Number(opt('port', process.env.PORT ?? '4173'));
	const host = opt('host', '127.0.0.1');
	await serveStatic(root, { port, host });
	console.log(`Serving ${resolve(root)} at http://localhost:${port}`);
}
