/**
 * Heading anchor from heading text: lowercase, keep a-z 0-9 space and dash, spaces to dashes.
 * The same rule authors read in content/README.md, so `lesson#anchor` links can be written by hand.
 */
export function slugify(text: string): string {
	return text
		.toLowerCase()
		.replace(/[^a-z0-9 -]/g, '')
		.trim()
		.replace(/ +/g, '-')
		.replace(/-+/g, '-');
}
