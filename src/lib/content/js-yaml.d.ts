// The part of js-yaml 4 that yaml-data.ts uses (the package ships no types, and @types/js-yaml
// is not installed).
declare module 'js-yaml' {
	export interface TypeOptions {
		kind: 'scalar' | 'sequence' | 'mapping';
		resolve?: (data: string | null) => boolean;
		construct?: (data: string) => unknown;
	}
	export class Type {
		constructor(tag: string, options: TypeOptions);
	}
	export class Schema {
		extend(types: { implicit?: Type[]; explicit?: Type[] }): Schema;
	}
	export const FAILSAFE_SCHEMA: Schema;
	export function load(text: string, options?: { schema?: Schema; filename?: string }): unknown;
}
