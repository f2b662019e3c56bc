/** Timing: warm-up, then the median of several runs (ms). */
import { performance } from "perf_hooks";

export function mediane(valeurs: number[]): number {
  const t = [...valeurs].sort((a, b) => a - b);
  const m = Math.floor(t.length / 2);
  return t.length % 2 ? t[m] : (t[m - 1] + t[m]) / 2;
}

export function mesurer(fn: () => void, { echauffement = 1, essais = 5 } = {}): number {
  for (let i = 0; i < echauffement; i++) fn();
  const temps: number[] = [];
  for (let i = 0; i < essais; i++) {
    const t0 = performance.now();
    fn();
    temps.push(performance.now() - t0);
  }
  return mediane(temps);
}
