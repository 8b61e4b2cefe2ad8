/**
 * @carebus/solver/testing: hand-built instances, random TOPTW text and fast-check arbitraries
 * of tiny instances, for the tests of the solver and of every package above it. They live here,
 * not in @carebus/testkit, so that the solver's own tests need nothing from above the solver.
 * Never imported by product code.
 */
export { makeInstance, euclideanMinutes, type InstanceSpec } from "./makeInstance.js";
export { arbTinyInstance, type TinyInstanceOptions } from "./arbTinyInstance.js";
export { randomToptwText } from "./randomToptw.js";
