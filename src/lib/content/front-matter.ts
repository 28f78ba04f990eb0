/** A Markdown file split into its YAML front matter and body. */
export interface FrontMatterSplit {
	yaml: string;
	body: string;
	/** 1-based line in the file where the YAML starts (after the opening ---). */
	yamlLine: number;
	/** 1-based line in the file where the body starts. */
	bodyLine: number;
}

/** Splits `---\nyaml\n---\nbody`; returns undefined when the file has no front matter block. */
export function splitFrontMatter(text: string): FrontMatterSplit | undefined {
	const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
	const match = /^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(normalized);
	if (!match) return undefined;
	const yamlLines = match[1].split('\n').length;
	return {
		yaml: match[1],
		body: normalized.slice(match[0].length),
		yamlLine: 2,
		bodyLine: yamlLines + 3
	};
}
