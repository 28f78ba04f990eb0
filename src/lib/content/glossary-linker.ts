import type { GlossaryEntry } from './glossary-schema';

/**
 * Links the first mention of each glossary term in a document to its entry. One linker per
 * document: it remembers which terms it has already linked.
 */
export interface GlossaryLinker {
	link(escapedText: string): string;
}

interface Matcher {
	id: string;
	pattern: RegExp;
}

function escapeRegExp(s: string): string {
	return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Terms spelled with capitals (AssumeRole, ExternalId) match case-sensitively; plain words
 * ("trust policy") match in any case. Longer names win over shorter ones they contain.
 */
function matchersFor(entries: GlossaryEntry[]): Matcher[] {
	const names = entries.flatMap((e) =>
		[e.term, ...(e.aliases ?? [])].map((name) => ({ id: e.id, name }))
	);
	names.sort((a, b) => b.name.length - a.name.length);
	return names.map(({ id, name }) => ({
		id,
		pattern: new RegExp(
			`(?<![\\w:/-])${escapeRegExp(name)}(?![\\w-])`,
			/[A-Z]/.test(name.slice(1)) ? '' : 'i'
		)
	}));
}

export function createGlossaryLinker(
	entries: GlossaryEntry[],
	base = '/glossary'
): () => GlossaryLinker {
	const matchers = matchersFor(entries);
	return () => {
		const linked = new Set<string>();
		return {
			link(text) {
				let out = text;
				for (const m of matchers) {
					if (linked.has(m.id)) continue;
					// Most terms are not in a given text: test the whole text before splitting it.
					if (!m.pattern.test(out)) continue;
					// Never match inside a link this linker already inserted.
					const parts = out.split(/(<a [^>]*>.*?<\/a>)/);
					let done = false;
					for (let i = 0; i < parts.length && !done; i += 2) {
						const found = m.pattern.exec(parts[i]);
						if (!found) continue;
						const before = parts[i].slice(0, found.index);
						const after = parts[i].slice(found.index + found[0].length);
						parts[i] =
							`${before}<a class="glossary-term" href="${base}#${m.id}">${found[0]}</a>${after}`;
						done = true;
					}
					if (done) {
						linked.add(m.id);
						out = parts.join('');
					}
				}
				return out;
			}
		};
	};
}
