/**
 * Where the learner's attention goes when a quiz shows another question (or a summary): focus on
 * its heading, so that a screen reader announces it, and the heading in view. `top` (a session
 * that just started) scrolls the page to its top first, so the learner is not left at the setup
 * form's scroll position. Then, if the heading is hidden under something sticky at the top of
 * the page (`inset` px; by default the page's `scroll-padding-top`) or sits so low that the
 * question below it is out of view, the page scrolls to put it just below that.
 */
export function focusHeading(
	heading: HTMLElement | null | undefined,
	{ top = false, inset }: { top?: boolean; inset?: number } = {}
): void {
	if (!heading) return;
	heading.focus({ preventScroll: true });
	if (top) window.scrollTo({ top: 0, behavior: 'instant' });
	const clear =
		inset ?? (parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0);
	const rect = heading.getBoundingClientRect();
	if (rect.top < clear || rect.bottom > window.innerHeight * LOWEST)
		window.scrollBy({ top: rect.top - clear, behavior: 'instant' });
}

/** The lowest a heading may end (a fraction of the window's height) before it is scrolled up. */
const LOWEST = 0.6;
