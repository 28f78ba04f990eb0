import type { Page } from '@playwright/test';

/**
 * Collects every `securitypolicyviolation` the page raises, across navigations and reloads.
 * Call before the first navigation. Chromium does not log every violation to the console (a
 * caught eval probe is silent), so the console guard alone would miss some.
 */
export async function collectCspViolations(page: Page): Promise<string[]> {
	const violations: string[] = [];
	await page.exposeFunction('__reportCspViolation', (v: string) => violations.push(v));
	await page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (e) => {
			const report = (window as unknown as { __reportCspViolation: (v: string) => void })
				.__reportCspViolation;
			report(
				`${location.pathname}: ${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} ` +
					`(${e.sourceFile}:${e.lineNumber})`
			);
		});
	});
	return violations;
}
