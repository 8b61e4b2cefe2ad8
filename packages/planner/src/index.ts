export * from "./fromScenario.js";
export * from "./explainUnvisited.js";
export * from "./toPlan.js";
export * from "./solveScenario.js";
export * from "./replan/repairPlan.js";
