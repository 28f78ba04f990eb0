/**
 * A backup older than this, with progress since, earns a reminder. On its own so that the
 * reminder's wording can show it without loading the progress layer (Dexie, zod, FSRS).
 */
export const BACKUP_REMINDER_DAYS = 14;
