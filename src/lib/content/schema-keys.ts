import type { z } from 'zod';

/** Zod's internal definition, as far as walking object shapes needs it. */
interface Def {
	type: string;
	shape?: Record<string, Node>;
	innerType?: Node;
	element?: Node;
	items?: Node[];
	valueType?: Node;
	options?: Node[];
	left?: Node;
	right?: Node;
	in?: Node;
	out?: Node;
	getter?: () => Node;
}
interface Node {
	_zod: { def: Def };
}

/**
 * The field names a schema allows at a path of the data (`['questions', 0]`), over every branch
 * of a union: what "did you mean" picks from for an unknown field. Empty when the path leads to
 * no object.
 */
export function keysAt(schema: z.ZodType, path: readonly PropertyKey[]): Set<string> {
	const keys = new Set<string>();
	const seen = new Set<Node>();
	const walk = (node: Node | undefined, rest: readonly PropertyKey[]): void => {
		if (!node || seen.size > 2000) return;
		const def = node._zod.def;
		switch (def.type) {
			case 'object':
				if (rest.length === 0) Object.keys(def.shape ?? {}).forEach((k) => keys.add(k));
				else walk(def.shape?.[String(rest[0])], rest.slice(1));
				return;
			case 'array':
				if (rest.length > 0) walk(def.element, rest.slice(1));
				return;
			case 'tuple':
				if (rest.length > 0) walk(def.items?.[Number(rest[0])], rest.slice(1));
				return;
			case 'record':
				if (rest.length > 0) walk(def.valueType, rest.slice(1));
				return;
			case 'union':
				def.options?.forEach((o) => walk(o, rest));
				return;
			case 'intersection':
				walk(def.left, rest);
				walk(def.right, rest);
				return;
			case 'pipe':
				walk(def.in, rest);
				walk(def.out, rest);
				return;
			case 'lazy':
				if (seen.has(node)) return;
				seen.add(node);
				walk(def.getter?.(), rest);
				return;
			default:
				walk(def.innerType, rest);
		}
	};
	walk(schema as unknown as Node, path);
	return keys;
}
