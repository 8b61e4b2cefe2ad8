export * from "./labels.js";
export * from "./visitRows.js";
export * from "./tables.js";
export * from "./driverSheets.js";
