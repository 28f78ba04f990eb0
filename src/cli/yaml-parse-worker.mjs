// Worker thread of yaml-prefetch.ts: parses YAML texts to plain data, so a large content directory
// is parsed on every core. Plain JavaScript, so the worker needs no TypeScript loader.
import { parentPort } from 'node:worker_threads';
import { parseDocument } from 'yaml';

/**
 * The same options as parseYamlSource (src/lib/content/yaml-source.ts). A text with errors gives
 * null: the main thread parses it again itself and reports the errors with their positions.
 * @param {string} text
 */
function parse(text) {
	const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
	return doc.errors.length > 0 ? null : { data: doc.toJS({ maxAliasCount: 100 }) };
}

parentPort?.on('message', (/** @type {string[]} */ texts) => {
	parentPort?.postMessage(texts.map(parse));
});
