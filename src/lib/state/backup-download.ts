import { backupFileName, serializeBackup, type ProgressStore } from '$lib/progress';

/** How long the Blob URL of a download stays valid; the browser has long copied it by then. */
const REVOKE_AFTER_MS = 60_000;

/**
 * Exports every table and hands the file to the browser's download mechanism through a Blob
 * URL: nothing goes over the network. Marks the backup as taken (`lastBackupAt`).
 */
export async function downloadBackup(
	store: ProgressStore
): Promise<{ fileName: string; bytes: number }> {
	const envelope = await store.exportAll();
	const text = serializeBackup(envelope);
	const blob = new Blob([text], { type: 'application/json' });
	const fileName = backupFileName(envelope.exportedAt);
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = fileName;
	link.hidden = true;
	document.body.append(link);
	link.click();
	link.remove();
	// Revoking at once can cancel the download in some browsers.
	setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
	return { fileName, bytes: blob.size };
}
