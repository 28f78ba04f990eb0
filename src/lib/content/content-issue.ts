/** One problem found in an authored file, located for the author to fix. */
export interface ContentIssue {
	file: string;
	/** 1-based line; 1 when the problem is about the whole file. */
	line: number;
	/** 1-based column. */
	column: number;
	/** Field path such as `questions[3].options[0].why`; empty for the whole file. */
	path: string;
	message: string;
}

/** `file:line:column  path: message`, the one format every checker prints. */
export function formatIssue(issue: ContentIssue): string {
	const where = `${issue.file}:${issue.line}:${issue.column}`;
	return issue.path ? `${where}  ${issue.path}: ${issue.message}` : `${where}  ${issue.message}`;
}

/** Thrown when content cannot be used; carries every issue found, not only the first. */
export class ContentError extends Error {
	readonly issues: ContentIssue[];
	constructor(issues: ContentIssue[]) {
		super(issues.map(formatIssue).join('\n'));
		this.name = 'ContentError';
		this.issues = issues;
	}
}

/** Renders a zod-style path (`['questions', 3, 'why']`) as `questions[3].why`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
	let out = '';
	for (const part of path) {
		if (typeof part === 'number') out += `[${part}]`;
		else out += out ? `.${String(part)}` : String(part);
	}
	return out;
}
