// How big an uploaded XLSForm may be, and what it may unpack to: stated to people and enforced
// before parsing (see read-xlsx.ts).
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
export const MAX_UNPACKED_BYTES = 30 * 1024 * 1024;
export const MAX_PART_BYTES = 10 * 1024 * 1024;
export const MAX_PARTS = 500;
export const MAX_ROWS = 5_000;
export const MAX_COLUMNS = 200;
