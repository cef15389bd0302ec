// The benchmark's summaries, shared by its tables (run.mjs) and the side by side with ClerkJS.

/** Median, p95, min and max of `xs` (nearest rank). */
export function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { n: s.length, median: q(0.5), p95: q(0.95), min: s[0], max: s[s.length - 1] };
}

export const round = (x, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
