// Zod compiles object parsers with `new Function` after probing whether eval is allowed. Our CSP
// forbids eval, and Chromium reports even the caught probe as a CSP violation (a DevTools issue
// that also costs Lighthouse best-practices points), so the browser takes zod's jitless path.
// The flag is set on the global object that zod's own `config()` writes to: importing `config`
// from zod here would put ~5 KB gzip of zod into every page, including pages that never use it.
// tests/e2e/csp.test.ts fails if a zod upgrade stops reading it.
const zodGlobal = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
(zodGlobal.__zod_globalConfig ??= {}).jitless = true;

export {};
