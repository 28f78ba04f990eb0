import { connect } from 'node:http2';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStaticOverTls } from '../../scripts/serve-static.mjs';
import { selfSignedCert } from '../../scripts/bench/tls-cert.mjs';

// The bench serves Lighthouse's pages over HTTPS + HTTP/2, as static hosts do: the same files,
// the same headers and URL mapping as the plain server, on a multiplexed connection.
describe('serveStaticOverTls', () => {
	const root = mkdtempSync(join(tmpdir(), 'sts-serve-static-'));
	const port = 4471;
	let server: Awaited<ReturnType<typeof serveStaticOverTls>>;

	beforeAll(async () => {
		writeFileSync(join(root, 'index.html'), '<!doctype html><title>home</title>');
		writeFileSync(join(root, 'about.html'), '<!doctype html><title>about</title>');
		writeFileSync(join(root, '404.html'), '<!doctype html><title>not found</title>');
		server = await serveStaticOverTls(root, { port, tls: selfSignedCert() });
	});
	afterAll(() => {
		server.close();
		rmSync(root, { recursive: true, force: true });
	});

	/** Requests each path on one HTTP/2 session; resolves with status, headers and body. */
	async function get(...paths: string[]) {
		const session = connect(`https://127.0.0.1:${port}`, { rejectUnauthorized: false });
		try {
			return await Promise.all(
				paths.map(
					(path) =>
						new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
							(resolve, reject) => {
								const req = session.request({ ':path': path });
								let headers: Record<string, unknown> = {};
								let body = '';
								req.setEncoding('utf8');
								req.on('response', (h) => (headers = h));
								req.on('data', (chunk: string) => (body += chunk));
								req.on('end', () => resolve({ status: Number(headers[':status']), headers, body }));
								req.on('error', reject);
								req.end();
							}
						)
				)
			);
		} finally {
			session.close();
		}
	}

	it('answers several requests on one HTTP/2 connection with the static-host mapping', async () => {
		const [home, about, missing] = await get('/', '/about', '/nope');
		expect(home.status).toBe(200);
		expect(home.body).toContain('<title>home</title>');
		expect(home.headers['content-type']).toBe('text/html; charset=utf-8');
		expect(home.headers['x-content-type-options']).toBe('nosniff');
		expect(about.status).toBe(200);
		expect(about.body).toContain('<title>about</title>');
		expect(missing.status).toBe(404);
		expect(missing.body).toContain('<title>not found</title>');
	});

	it('redirects a page address with a trailing slash to the page, keeping the query', async () => {
		const [slash, unknown, doubled] = await get('/about/?tab=2', '/nope/', '/.//about/');
		expect(slash.status).toBe(308);
		expect(slash.headers.location).toBe('/about?tab=2');
		expect(unknown.status).toBe(404);
		// Never "//…", which a browser would read as another host.
		expect(doubled.status).toBe(308);
		expect(doubled.headers.location).toBe('/about');
	});
});
