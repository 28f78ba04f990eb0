/**
 * Fast path for reading YAML content as plain data. The `yaml` package (which yaml-source.ts keeps
 * for error messages and positions) parses about 2 MB/s; js-yaml reads the same text about ten
 * times faster, which is most of the time `content:check` spends on 5,000 questions.
 *
 * Both must give the same data. js-yaml's own "core" schema is looser than YAML 1.2's (it reads
 * `0b101`, `-0x1F`, `1_000` as numbers), so the scalar types below copy the resolution rules of
 * `yaml`'s core schema (node_modules/yaml/dist/schema/core): the same strings become null, booleans,
 * integers and floats, everything else stays a string. Both turn scalar keys into strings the same
 * way except null (`yaml`: "", js-yaml: "null"); collection keys differ too. So texts with anchors
 * (js-yaml has no alias limit, `yaml` enforces maxAliasCount), complex or collection keys, or a key
 * that reads "null" are left to `yaml`, and so is anything js-yaml refuses: errors keep their
 * messages and positions. yaml-data.test.ts compares both parsers
 * on every file under content/ and tests/fixtures/ and on edge cases.
 */
import { FAILSAFE_SCHEMA, load, Type } from 'js-yaml';

const scalar = (
	tag: string,
	test: RegExp,
	construct: (source: string) => unknown
): InstanceType<typeof Type> =>
	new Type(`tag:yaml.org,2002:${tag}`, {
		kind: 'scalar',
		resolve: (source: string | null) => source !== null && test.test(source),
		construct
	});

/** YAML 1.2 core schema, exactly as `yaml` resolves plain scalars (first match wins). */
const CORE_AS_IN_YAML = FAILSAFE_SCHEMA.extend({
	implicit: [
		scalar('null', /^(?:~|[Nn]ull|NULL)?$/, () => null),
		scalar('bool', /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (s) => s[0] === 't' || s[0] === 'T'),
		scalar('int', /^(?:0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+)$/, (s) =>
			s.startsWith('0o')
				? parseInt(s.slice(2), 8)
				: s.startsWith('0x')
					? parseInt(s.slice(2), 16)
					: parseInt(s, 10)
		),
		scalar(
			'float',
			/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*))$/,
			(s) =>
				/nan$/i.test(s)
					? NaN
					: /inf$/i.test(s)
						? s[0] === '-'
							? -Infinity
							: Infinity
						: parseFloat(s)
		)
	]
});

/**
 * Texts left to `yaml`: an anchor (`&name`) where a node can start, a complex key (`? `), or a key
 * that is a flow collection (`[a]: `, `{a: 1}: `). False alarms (Markdown `[1]: url` in a block
 * scalar) only cost speed. Each pattern runs only when its character occurs at all.
 */
const ANCHOR = /(?:^|[\s[{,])&[^\s,[\]{}]/;
// Written to start with a literal newline, which V8 scans for quickly (questions are full of `?`).
const COMPLEX_KEY = /\n[ \t-]*\?(?:[ \t\n]|$)/;
const COLLECTION_KEY = /[\]}][ \t]*:(?:[ \t\n]|$)/;
const leftToYaml = (text: string) =>
	(text.includes('&') && ANCHOR.test(text)) ||
	(text.includes('?') && COMPLEX_KEY.test(`\n${text}`)) ||
	((text.includes(']') || text.includes('}')) && COLLECTION_KEY.test(text));

/** True when some mapping key reads "null": `yaml` would have made it "" if it was a null. */
function hasNullKey(value: unknown): boolean {
	if (Array.isArray(value)) return value.some(hasNullKey);
	if (value === null || typeof value !== 'object') return false;
	return Object.entries(value).some(([key, v]) => key === 'null' || hasNullKey(v));
}

/**
 * The data of a YAML text, or undefined when the fast path does not apply (see leftToYaml) or js-yaml
 * finds an error: the caller then parses the text with `yaml`.
 */
export function readYamlData(text: string): { data: unknown } | undefined {
	if (leftToYaml(text)) return undefined;
	let data: unknown;
	try {
		// An empty document is null for `yaml` and undefined for js-yaml.
		data = load(text, { schema: CORE_AS_IN_YAML }) ?? null;
	} catch {
		return undefined;
	}
	return hasNullKey(data) ? undefined : { data };
}
