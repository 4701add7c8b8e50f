/** Upload caps, shared by the server checks and the browser's early refusal. */
const MB = 1024 * 1024;
export const MAX_IMPORT_FILE_BYTES = 10 * MB;
export const MAX_ARCHIVE_BYTES = 200 * MB;
