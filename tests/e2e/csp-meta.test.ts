import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
// Plain Playwright test: these checks read files and need no browser (no guard fixture).
import { expect, test } from '@playwright/test';
import { cacheControl, securityHeaders } from '../../scripts/serve-static.mjs';

function htmlFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const full = join(dir, name);
		if (statSync(full).isDirectory()) return htmlFiles(full);
		return name.endsWith('.html') ? [full] : [];
	});
}

/** The policy as directive → sources. */
function parsePolicy(policy: string): Map<string, string[]> {
	const out = new Map<string, string[]>();
	for (const part of policy.split(';')) {
		const [name, ...sources] = part.trim().split(/\s+/);
		if (name) out.set(name.toLowerCase(), sources);
	}
	return out;
}

const decode = (s: string) =>
	s
		.replace(/&#39;/g, "'")
		.replace(/&quot;/g, '"')
		.replace(/&amp;/g, '&');
const files = existsSync('build') ? htmlFiles('build') : [];

test('the build has pages to check', () => {
	expect(files.length, 'run `npm run build` before the browser tests').toBeGreaterThan(20);
});

test('every prerendered page carries a strict CSP meta that covers its inline scripts', () => {
	const problems: string[] = [];
	for (const file of files) {
		const html = readFileSync(file, 'utf8');
		const name = relative('build', file);
		const metas = [
			...html.matchAll(/<meta\s+http-equiv="content-security-policy"\s+content="([^"]*)"/gi)
		];
		if (metas.length !== 1) {
			problems.push(`${name}: ${metas.length} CSP meta tags`);
			continue;
		}
		// A meta policy only governs what comes after it.
		const first = html.search(/<(script|link|style)\b/i);
		if (first >= 0 && first < metas[0].index!) problems.push(`${name}: CSP meta is not first`);

		const policy = parsePolicy(decode(metas[0][1]));
		const script = policy.get('script-src') ?? [];
		const expectSources = (directive: string, sources: string[]) => {
			if (JSON.stringify(policy.get(directive)) !== JSON.stringify(sources))
				problems.push(`${name}: ${directive} is ${policy.get(directive)?.join(' ')}`);
		};
		expectSources('default-src', ["'self'"]);
		expectSources('object-src', ["'none'"]);
		expectSources('base-uri', ["'self'"]);
		if (!script.includes("'self'")) problems.push(`${name}: script-src lacks 'self'`);
		for (const source of script) {
			if (source === "'self'" || /^'sha(256|384|512)-[A-Za-z0-9+/=]+'$/.test(source)) continue;
			problems.push(`${name}: script-src allows ${source}`);
		}
		for (const [, attrs, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
			const src = /\ssrc="([^"]*)"/.exec(attrs)?.[1];
			if (src !== undefined) {
				if (/^([a-z]+:)?\/\//i.test(src)) problems.push(`${name}: script from ${src}`);
				continue;
			}
			const hash = `'sha256-${createHash('sha256').update(body).digest('base64')}'`;
			if (!script.includes(hash)) problems.push(`${name}: inline script ${hash} not in script-src`);
		}
		// Hashes do not cover inline event handlers, so none may exist.
		const handler = /<[a-z][^>]*\son[a-z]+\s*=/i.exec(html);
		if (handler) problems.push(`${name}: inline event handler ${handler[0].slice(0, 60)}`);
	}
	expect(problems).toEqual([]);
});

test("the README's example _headers file sends exactly what scripts/serve-static.mjs sends", () => {
	const readme = readFileSync('README.md', 'utf8');
	const block = /```text\n# _headers[^\n]*\n([\s\S]*?)```/.exec(readme)?.[1];
	expect(block, 'README "Deploying" has a ```text block starting with "# _headers"').toBeTruthy();
	const rules = new Map<string, Record<string, string>>();
	let current: Record<string, string> = {};
	for (const line of block!.split('\n')) {
		if (!line.trim() || line.startsWith('#')) continue;
		if (!/^\s/.test(line)) rules.set(line.trim(), (current = {}));
		else {
			const at = line.indexOf(':');
			current[line.slice(0, at).trim()] = line.slice(at + 1).trim();
		}
	}
	expect(rules.get('/*')).toEqual(securityHeaders);
	for (const path of ['/_app/immutable/*', '/sw.js', '/_app/version.json']) {
		const example = path.replace('*', 'start.abc123.js');
		expect(rules.get(path), path).toEqual({ 'Cache-Control': cacheControl(example) });
	}
});
