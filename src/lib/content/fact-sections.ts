/**
 * The numbered sections of the STS fact base (docs/reference/sts-facts.md) and their anchors on
 * the /facts page. A heading "## 2. …" or "### 2.2 Role chaining" is section §2 / §2.2; its anchor
 * is `fact-2` / `fact-2-2` (dots become dashes, so the id needs no escaping in a CSS selector).
 * Explanations cite sections as "§2.2"; `factHref('§2.2')` is `/facts#fact-2-2`.
 */

export interface FactSection {
	/** "2.2" */
	number: string;
	/** The heading text after the number: "Role chaining". */
	title: string;
	/** "fact-2-2" */
	anchor: string;
	/** 2 for "##", 3 for "###". */
	depth: number;
}

/** "2.2 Role chaining" or "0. Source key" → number and title. */
const NUMBERED = /^(\d+(?:\.\d+)?)\.? +(.+)$/;

/** The section number and title of a heading's text, if it is numbered. */
export function parseFactHeading(text: string): { number: string; title: string } | undefined {
	const m = NUMBERED.exec(text.trim());
	return m ? { number: m[1], title: m[2].trim() } : undefined;
}

/** The anchor id of a section: "§2.2", "2.2" → "fact-2-2". */
export function factAnchor(section: string): string {
	return `fact-${section.replace(/^§/, '').replace(/\./g, '-')}`;
}

/** Where a citation such as "§2.2" leads: the section on the /facts page. */
export function factHref(section: string): string {
	return `/facts#${factAnchor(section)}`;
}

/** The numbered "##" and "###" sections of the fact base, in order (fenced code is skipped). */
export function factSections(markdown: string): FactSection[] {
	const out: FactSection[] = [];
	let fenced = false;
	for (const line of markdown.split('\n')) {
		if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
		if (fenced) continue;
		const m = /^(#{2,3}) +(.+?)\s*#*\s*$/.exec(line);
		const heading = m && parseFactHeading(m[2]);
		if (m && heading)
			out.push({ ...heading, anchor: factAnchor(heading.number), depth: m[1].length });
	}
	return out;
}

/** A section title without its trailing remark: "Regional endpoints (latest docs)" → "Regional endpoints". */
export function shortFactTitle(title: string): string {
	return title.replace(/\s*\(.*\)\s*$/, '').trim() || title;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Gives the numbered headings of the fact base's rendered HTML (from renderMarkdown, which is
 * already safe) their stable section anchors, and makes each a link to itself, so a learner can
 * reach and copy it with the keyboard. `headings` is what renderMarkdown returned with the HTML.
 * tabindex="-1" lets the page move focus to the section a citation opened.
 */
export function anchorFactHeadings(
	html: string,
	headings: { depth: number; text: string; id: string }[]
): string {
	let out = html;
	for (const h of headings) {
		const parsed = parseFactHeading(h.text);
		if (!parsed || (h.depth !== 2 && h.depth !== 3)) continue;
		const anchor = factAnchor(parsed.number);
		const pattern = new RegExp(
			`<h${h.depth} id="${escapeRegExp(h.id)}">([\\s\\S]*?)</h${h.depth}>`
		);
		out = out.replace(pattern, (_all, inner: string) => {
			const body = inner.includes('<a ') ? inner : `<a href="#${anchor}">${inner}</a>`;
			return `<h${h.depth} id="${anchor}" class="fact-heading" tabindex="-1">${body}</h${h.depth}>`;
		});
	}
	return out;
}

/** A piece of explanation text: plain, or a section citation to link. */
export type CitationPart =
	{ text: string; section?: undefined } | { text: string; section: string };

/**
 * Splits text at its fact-base citations, "(sts-facts §2.1, §2.2 and §12)", so that each cited
 * section can be shown as a link; "sts-facts" itself reads "fact base", the page's name. Only section numbers that follow "sts-facts" are parts with a
 * section; everything else is plain text, to be rendered as text (never as HTML).
 */
export function splitFactCitations(text: string): CitationPart[] {
	const parts: CitationPart[] = [];
	const push = (t: string) => {
		if (!t) return;
		const last = parts.at(-1);
		if (last && last.section === undefined) last.text += t;
		else parts.push({ text: t });
	};
	const citation = /sts-facts (§\d+(?:\.\d+)?(?:(?:, | and )§\d+(?:\.\d+)?)*)/g;
	let at = 0;
	for (const m of text.matchAll(citation)) {
		const start = (m.index ?? 0) + 'sts-facts '.length;
		// Learners know the file as the fact base (/facts): "(sts-facts §2.2)" reads "(fact base §2.2)".
		push(`${text.slice(at, m.index)}fact base `);
		let from = start;
		for (const s of m[1].matchAll(/§\d+(?:\.\d+)?/g)) {
			const sAt = start + (s.index ?? 0);
			push(text.slice(from, sAt));
			parts.push({ text: s[0], section: s[0] });
			from = sAt + s[0].length;
		}
		at = from;
	}
	push(text.slice(at));
	return parts;
}

/**
 * The same citations in rendered (already safe) HTML, such as a scenario's narration or debrief:
 * "(sts-facts §5, §8)" becomes "(fact base §5, §8)", each section that `titles` knows a link to
 * its place on /facts, as the simulator's explanations show them. A section the fact base does
 * not have stays plain text.
 */
export function linkFactCitationsHtml(html: string, titles: Record<string, string>): string {
	// Only text between tags, and not inside a link or code: a citation in an attribute (a link's
	// title) or in a code span is left as written. The renderer escapes "<" and ">" in text and
	// attribute values, so every "<" here opens a tag.
	let inside = 0;
	return html
		.split(/(<[^>]*>)/)
		.map((part) => {
			if (part.startsWith('<')) {
				const tag = /^<(\/?)(a|code)\b/i.exec(part);
				if (tag) inside = Math.max(0, inside + (tag[1] ? -1 : 1));
				return part;
			}
			return inside > 0 ? part : linkCitationsInText(part, titles);
		})
		.join('');
}

function linkCitationsInText(text: string, titles: Record<string, string>): string {
	return splitFactCitations(text)
		.map((p) =>
			p.section && titles[p.section]
				? `<a href="${factHref(p.section)}" title="STS fact base ${p.section}: ${titles[p.section].replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)}">${p.text}</a>`
				: p.text
		)
		.join('');
}
