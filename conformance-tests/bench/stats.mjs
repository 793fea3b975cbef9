// What the bench drivers compute from their samples, in one place.
import { readFileSync } from 'node:fs';

const sorted = (xs) => [...xs].sort((a, b) => a - b);
/** The p-quantile (0..1) of the samples, by rank: no interpolation between two samples. */
export const percentile = (xs, p) => { const s = sorted(xs); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
export const median = (xs) => percentile(xs, 0.5);
/** Resident memory of a process, from /proc (Linux). */
export const rssMiB = (pid) => Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/)[1]) / 1024;
