export * from "./scenario.js";
export * from "./plan.js";
export * from "./errors.js";
export * from "./time.js";
export * from "./holidays.js";
export * from "./horizon.js";
