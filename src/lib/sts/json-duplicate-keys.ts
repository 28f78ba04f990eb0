/**
 * The first key that appears twice in one object of a JSON text, which JSON.parse accepts (the
 * last copy wins) but IAM refuses: "Individual elements must not contain multiple instances of the
 * same key. For example, you cannot include the Effect block twice in the same statement" (IAM
 * policy grammar, https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html),
 * and "The policy engine does not allow such errors in new or edited policies" (Troubleshoot IAM
 * policies). Call it on text that JSON.parse has accepted.
 */
export interface DuplicateKey {
	/** Where the object is, e.g. `Statement[0]` or `Statement[1].Condition` ('' for the top). */
	path: string;
	key: string;
}

type Frame =
	| { kind: 'object'; keys: Set<string>; path: string; key?: string; awaitingKey: boolean }
	| { kind: 'array'; path: string; index: number };

/** Reads a JSON string literal starting at `i` (the opening quote); returns its value and end. */
function readString(text: string, i: number): { value: string; end: number } {
	let j = i + 1;
	while (text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
	return { value: JSON.parse(text.slice(i, j + 1)) as string, end: j + 1 };
}

const childPath = (frame: Frame | undefined): string => {
	if (!frame) return '';
	if (frame.kind === 'array') return `${frame.path}[${frame.index}]`;
	return frame.path ? `${frame.path}.${frame.key}` : (frame.key ?? '');
};

export function duplicateJsonKey(text: string): DuplicateKey | undefined {
	const stack: Frame[] = [];
	let i = 0;
	while (i < text.length) {
		const c = text[i]!;
		const top = stack.at(-1);
		if (c === '"') {
			const { value, end } = readString(text, i);
			if (top?.kind === 'object' && top.awaitingKey) {
				if (top.keys.has(value)) return { path: top.path, key: value };
				top.keys.add(value);
				top.key = value;
				top.awaitingKey = false;
			}
			i = end;
			continue;
		}
		if (c === '{')
			stack.push({ kind: 'object', keys: new Set(), path: childPath(top), awaitingKey: true });
		else if (c === '[') stack.push({ kind: 'array', path: childPath(top), index: 0 });
		else if (c === '}' || c === ']') stack.pop();
		else if (c === ',') {
			if (top?.kind === 'object') top.awaitingKey = true;
			else if (top?.kind === 'array') top.index++;
		}
		i++;
	}
	return undefined;
}
