/**
 * Seeded random literature-format TOPTW texts for tests that need an instance where the search
 * has work to do (dozens of customers, windows, a few vehicles) without reading benchmark data.
 */
import { createRng } from "../random.js";

/**
 * A TOPTW text with `n` customers on a 100 × 100 square around a depot at (50, 50), horizon
 * 400, service 10, scores 10–40 and windows of 20–99 opening before 300 (Solomon-like).
 * @example const inst = readToptw(randomToptwText(40, 3), { name: "random", vehicles: 2 });
 */
export function randomToptwText(n: number, seed: number): string {
  const rng = createRng(seed);
  const lines = [`4 1 ${n} 1`, "0 200", "0 50 50 0 0 0 0 0 400"];
  for (let k = 1; k <= n; k++) {
    const open = rng.int(300);
    lines.push(
      `${k} ${rng.int(100)} ${rng.int(100)} 10 ${10 + 10 * rng.int(4)} 1 1 1 ${open} ${open + 20 + rng.int(80)}`,
    );
  }
  return lines.join("\n");
}
