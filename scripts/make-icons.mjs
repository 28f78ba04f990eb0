// Renders the PWA icons from the one source SVG (static/icons/icon.svg) with headless Chromium.
// Run by hand after changing the SVG: `node scripts/make-icons.mjs`; the PNGs are committed.
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';

const svg = readFileSync('static/icons/icon.svg', 'utf8');
const targets = [
	{ file: 'static/icons/icon-192.png', size: 192, pad: 0, square: false },
	{ file: 'static/icons/icon-512.png', size: 512, pad: 0, square: false },
	// Maskable: full-bleed background, artwork inside the 80% safe zone.
	{ file: 'static/icons/icon-maskable-512.png', size: 512, pad: 0.12, square: true },
	{ file: 'static/icons/apple-touch-icon.png', size: 180, pad: 0.06, square: true }
];

const browser = await chromium.launch({
	executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu']
});
const page = await browser.newPage();
for (const t of targets) {
	const inner = Math.round(t.size * (1 - 2 * t.pad));
	await page.setViewportSize({ width: t.size, height: t.size });
	await page.setContent(
		`<html><body style="margin:0;width:${t.size}px;height:${t.size}px;display:grid;place-items:center;background:${t.square ? '#1d4ed8' : 'transparent'}">` +
			`<div style="width:${inner}px;height:${inner}px">${svg.replace('<svg ', `<svg width="${inner}" height="${inner}" `)}</div></body></html>`
	);
	await page.screenshot({ path: t.file, omitBackground: !t.square });
	console.log('wrote', t.file);
}
await browser.close();
