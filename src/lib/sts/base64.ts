/** Base64 of UTF-8 text and bytes, in the browser and in Node (btoa/atob are global in both). */

export function bytesToBase64(bytes: Iterable<number>): string {
	let binary = '';
	for (const b of bytes) binary += String.fromCharCode(b);
	return btoa(binary);
}

export function textToBase64(text: string): string {
	return bytesToBase64(new TextEncoder().encode(text));
}

/** Throws when `text` is not base64. */
export function base64ToText(text: string): string {
	const binary = atob(text);
	return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/** The URL-safe alphabet without padding (JWT segments). */
export function textToBase64url(text: string): string {
	return textToBase64(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function base64urlToText(text: string): string {
	const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4);
	return base64ToText(padded);
}
