// The one Chromium every bench step uses: the system browser, never a downloaded one.
import { chromium } from '@playwright/test';

export const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const chromeArgs = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run'
];

/** Launches headless Chromium through Playwright. */
export function launchBrowser() {
	return chromium.launch({ executablePath: chromePath, args: chromeArgs });
}
