/**
 * How much of the top of the window something sticky covers (px), which scrolling keeps clear:
 * `inset` when given, else the page's `scroll-padding-top` (the exam sets it to its timer bar's
 * height; 0 where nothing is sticky). `style` is the root element's computed style.
 */
export function stickyInset(
	inset?: number,
	style?: Pick<CSSStyleDeclaration, 'scrollPaddingTop'>
): number {
	return inset ?? scrollPadding('scrollPaddingTop', style);
}

/** The root element's scroll padding on one side (px), 0 when it has none. */
function scrollPadding<K extends 'scrollPaddingTop' | 'scrollPaddingBottom'>(
	side: K,
	style?: Pick<CSSStyleDeclaration, K>
): number {
	return parseFloat((style ?? getComputedStyle(document.documentElement))[side]) || 0;
}

/**
 * Where the learner's attention goes when a quiz shows another question (or a summary): focus on
 * its heading, so that a screen reader announces it, and the heading in view. `top` (a session
 * that just started) scrolls the page to its top first, so the learner is not left at the setup
 * form's scroll position. Then, if the heading is hidden under something sticky at the top of
 * the page (`stickyInset`) or sits so low that the question below it is out of view, the page
 * scrolls to put it just below that.
 */
export function focusHeading(
	heading: HTMLElement | null | undefined,
	{ top = false, inset }: { top?: boolean; inset?: number } = {}
): void {
	if (!heading) return;
	heading.focus({ preventScroll: true });
	if (top) window.scrollTo({ top: 0, behavior: 'instant' });
	const clear = stickyInset(inset);
	const rect = heading.getBoundingClientRect();
	if (rect.top < clear || rect.bottom > window.innerHeight * LOWEST)
		window.scrollBy({ top: rect.top - clear, behavior: 'instant' });
}

/** The lowest a heading may end (a fraction of the window's height) before it is scrolled up. */
const LOWEST = 0.6;

/** Room left under a focused control scrolled into view, for its focus ring (px). */
const BELOW = 12;

/**
 * How much of the bottom of the window something sticky covers (px): `below` when given, else the
 * page's `scroll-padding-bottom` (a practice session sets it to its action bar's height, so that
 * what the keyboard focuses is scrolled into view above the bar; 0 where nothing is sticky there).
 */
export function stickyBelow(
	below?: number,
	style?: Pick<CSSStyleDeclaration, 'scrollPaddingBottom'>
): number {
	return below ?? scrollPadding('scrollPaddingBottom', style);
}

/**
 * After a submit: focus on `control` (the "Next question" button, so that Enter goes on) without
 * letting the browser scroll to it, and bring `start` (the start of the feedback: the answered
 * options with their explanations) into view.
 *
 * When something sticky covers the bottom of the window (`stickyBelow`: a practice session's
 * action bar, which holds `control`), the bar keeps the control in view wherever the page is, so
 * only the feedback's start is placed: on screen between what is sticky at the top and the bar,
 * the page left alone when it is there already. Otherwise, `control` scrolls with the page: both
 * come into view when they fit in the window (a laptop); when they do not (a phone, with a long
 * list of explanations), the feedback's start comes into view, not the button: focusing it the
 * ordinary way scrolled every explanation above the screen. The page scrolls smoothly unless the
 * learner prefers reduced motion.
 */
export function focusKeepingInView(
	control: HTMLElement | null | undefined,
	start: HTMLElement | null | undefined,
	{ inset, below }: { inset?: number; below?: number } = {}
): void {
	control?.focus({ preventScroll: true });
	if (!start) return;
	const covered = stickyBelow(below);
	const by = revealScroll(
		start.getBoundingClientRect().top,
		stickyInset(inset),
		window.innerHeight - covered,
		covered > 0 ? undefined : control?.getBoundingClientRect().bottom
	);
	if (by === 0) return;
	const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
	window.scrollBy({ top: by, behavior: reduced ? 'instant' : 'smooth' });
}

/**
 * How far to scroll (px, negative = up) so that something whose top is at `top` (viewport
 * coordinates) starts just below `clear` (what is sticky at the top of the page) in a window
 * `height` high (less what is sticky at its bottom). With `bottom` (where the control below it ends): when the span from `top` to
 * `bottom` (and a little room under it) fits between `clear` and the window's bottom, the least
 * scroll that shows all of it (0 when it is on screen already). Otherwise, or without `bottom`:
 * 0 when the top is already on screen, below `clear` and above `LOWEST` of the window's height,
 * else the scroll that puts it just below `clear`.
 */
export function revealScroll(top: number, clear: number, height: number, bottom?: number): number {
	if (bottom !== undefined && bottom + BELOW - top <= height - clear) {
		if (top < clear) return top - clear;
		if (bottom + BELOW > height) return bottom + BELOW - height;
		return 0;
	}
	if (top >= clear && top <= height * LOWEST) return 0;
	return top - clear;
}
