/** Name of the IndexedDB database that holds a learner's progress. */
export const DB_NAME = 'sts-trainer-progress';
