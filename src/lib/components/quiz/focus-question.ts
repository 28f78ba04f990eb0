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

/**
 * After a submit: focus on `control` (the "Next question" button, so that Enter goes on) without
 * letting the browser scroll to it, and bring `start` (the start of the feedback: the answered
 * options with their explanations) into view instead. On a phone the button sits below a long
 * list of explanations, and focusing it the ordinary way scrolled every one of them above the
 * screen. The page scrolls smoothly unless the learner prefers reduced motion.
 */
export function focusKeepingInView(
	control: HTMLElement | null | undefined,
	start: HTMLElement | null | undefined,
	{ inset }: { inset?: number } = {}
): void {
	control?.focus({ preventScroll: true });
	if (!start) return;
	const clear =
		inset ?? (parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0);
	const by = revealScroll(start.getBoundingClientRect().top, clear, window.innerHeight);
	if (by === 0) return;
	const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
	window.scrollBy({ top: by, behavior: reduced ? 'instant' : 'smooth' });
}

/**
 * How far to scroll (px, negative = up) so that something whose top is at `top` (viewport
 * coordinates) starts just below `clear` (what is sticky at the top of the page): 0 when its top
 * is already on screen, below `clear` and above `LOWEST` of the window's `height`.
 */
export function revealScroll(top: number, clear: number, height: number): number {
	if (top >= clear && top <= height * LOWEST) return 0;
	return top - clear;
}
