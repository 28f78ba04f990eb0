/**
 * The part of a search result's text that shows why it matched: a window of the text around the
 * matched words, cut at word boundaries, with those words marked. Plain text in, plain text
 * segments out (the page renders each with `<mark>` or as text, never as HTML).
 */

import { DANGLING } from './plain-text';

/** A piece of a snippet; `mark` when it is one of the matched words. */
export interface SnippetPart {
	text: string;
	mark: boolean;
}

/** Word separators: MiniSearch's default tokenizer splits on spaces and punctuation. */
const SEPARATOR = /[\n\r\p{Z}\p{P}]+/u;
const SEPARATORS = /([\n\r\p{Z}\p{P}]+)/u;

/** Where each word of `text` starts and ends, lowercased as the index stores terms. */
function wordsOf(text: string): { start: number; end: number; term: string }[] {
	const out: { start: number; end: number; term: string }[] = [];
	let at = 0;
	for (const piece of text.split(SEPARATORS)) {
		if (piece && !SEPARATOR.test(piece)) {
			out.push({ start: at, end: at + piece.length, term: piece.toLowerCase() });
		}
		at += piece.length;
	}
	return out;
}

/** Marks the words of `text` that are among `terms` (lowercased index terms). */
export function markTerms(text: string, terms: ReadonlySet<string>): SnippetPart[] {
	const parts: SnippetPart[] = [];
	let at = 0;
	for (const w of wordsOf(text)) {
		if (!terms.has(w.term)) continue;
		if (w.start > at) parts.push({ text: text.slice(at, w.start), mark: false });
		parts.push({ text: text.slice(w.start, w.end), mark: true });
		at = w.end;
	}
	if (at < text.length) parts.push({ text: text.slice(at), mark: false });
	return parts;
}

/** Characters shown before the first matched word of the window. */
const LEAD = 50;

/**
 * At most `max` characters of `text` (ellipses included) around its matched words: the window
 * that holds the most distinct matched terms, starting a little before the first of them. Null
 * when no word of the text is a matched term (the match was in the title only).
 */
export function contextSnippet(
	text: string,
	terms: ReadonlySet<string>,
	max = 160
): SnippetPart[] | null {
	const clean = text.replace(/\s+/g, ' ').trim();
	const words = wordsOf(clean);
	const hits = words.filter((w) => terms.has(w.term));
	if (hits.length === 0) return null;
	// The window (starting at a hit) with the most distinct terms; the earliest wins a tie.
	let best = hits[0]!;
	let bestCount = 0;
	for (const h of hits) {
		const inWindow = new Set(
			hits.filter((o) => o.start >= h.start && o.end <= h.start + max - LEAD).map((o) => o.term)
		);
		if (inWindow.size > bestCount) {
			best = h;
			bestCount = inWindow.size;
		}
	}
	// Start at a word boundary at most LEAD characters before the hit; end at one before max.
	const startWord = words.find((w) => w.start >= best.start - LEAD && w.start <= best.start)!;
	const start = startWord.start;
	const lead = start > 0 ? '…' : '';
	let end = Math.min(clean.length, start + max - lead.length);
	if (end < clean.length) {
		end -= 1; // room for the trailing ellipsis
		const lastWord = words.filter((w) => w.end <= end && w.start > start).at(-1);
		if (lastWord && lastWord.end > best.end) end = lastWord.end;
	}
	const body = clean.slice(start, end).replace(DANGLING, '');
	const trail = end < clean.length ? '…' : '';
	const parts = markTerms(body, terms);
	if (lead) parts.unshift({ text: lead, mark: false });
	if (trail) parts.push({ text: trail, mark: false });
	return merge(parts);
}

/** Adjacent unmarked parts joined. */
function merge(parts: SnippetPart[]): SnippetPart[] {
	const out: SnippetPart[] = [];
	for (const p of parts) {
		const last = out.at(-1);
		if (last && !last.mark && !p.mark) last.text += p.text;
		else out.push({ ...p });
	}
	return out;
}
