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
 * The field names a schema allows at a path of the data (`['questions', 0]`): what "did you mean"
 * picks from for an unknown field. Empty when the path leads to no object. Where the object there
 * is one branch of a union (a scenario step: a call, advance, revoke or attach), `value`, the
 * object itself, picks the branches it can be: those with every field it has that some branch
 * knows (`as` and `call` make a call step), so that a misspelt field of a call step is never taken
 * for `advance`, which would make the step another kind. With no value, or no branch that fits,
 * every branch's fields count.
 */
export function keysAt(
	schema: z.ZodType,
	path: readonly PropertyKey[],
	value?: unknown
): Set<string> {
	let steps = 0;
	const present =
		value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : [];
	const walk = (
		node: Node | undefined,
		rest: readonly PropertyKey[],
		seen: Set<Node>
	): Set<string> => {
		const keys = new Set<string>();
		if (!node || ++steps > 2000) return keys;
		const def = node._zod.def;
		const add = (more: Set<string>) => more.forEach((k) => keys.add(k));
		switch (def.type) {
			case 'object':
				if (rest.length === 0) Object.keys(def.shape ?? {}).forEach((k) => keys.add(k));
				else add(walk(def.shape?.[String(rest[0])], rest.slice(1), seen));
				break;
			case 'array':
				if (rest.length > 0) add(walk(def.element, rest.slice(1), seen));
				break;
			case 'tuple':
				if (rest.length > 0) add(walk(def.items?.[Number(rest[0])], rest.slice(1), seen));
				break;
			case 'record':
				if (rest.length > 0) add(walk(def.valueType, rest.slice(1), seen));
				break;
			case 'union': {
				const branches = (def.options ?? []).map((o) => walk(o, rest, seen));
				if (rest.length === 0) {
					const known = present.filter((k) => branches.some((b) => b.has(k)));
					const fitting = branches.filter((b) => known.every((k) => b.has(k)));
					(fitting.length > 0 ? fitting : branches).forEach(add);
				} else branches.forEach(add);
				break;
			}
			case 'intersection':
				add(walk(def.left, rest, seen));
				add(walk(def.right, rest, seen));
				break;
			case 'pipe':
				add(walk(def.in, rest, seen));
				add(walk(def.out, rest, seen));
				break;
			case 'lazy':
				if (!seen.has(node)) add(walk(def.getter?.(), rest, new Set(seen).add(node)));
				break;
			default:
				add(walk(def.innerType, rest, seen));
		}
		return keys;
	};
	return walk(schema as unknown as Node, path, new Set());
}
