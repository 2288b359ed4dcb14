// Load generation (autocannon, in this process) and resident-memory sampling
// (/proc/<pid>/status) for the benchmark.
import { readFileSync } from "node:fs";
import autocannon from "autocannon";

export type LoadSettings = { connections: number; warmupSeconds: number; seconds: number; headers: Record<string, string> };

export type LoadResult = {
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
  peakRssMB: number;
};

/** VmRSS of a process in MB, or NaN once it is gone. */
export function rssMB(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** Samples a process's RSS every `everyMs` until stopped; returns the peak. */
export function sampleRss(pid: number, everyMs = 200) {
  let peak = rssMB(pid);
  const timer = setInterval(() => {
    const value = rssMB(pid);
    if (value > peak) peak = value;
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      const value = rssMB(pid);
      return value > peak ? value : peak;
    },
  };
}

/**
 * Loads one path: a warm-up run that is thrown away, then the measured run, both
 * with the same settings. `unique` appends ?x=<n> (an ignored parameter) so every
 * request has its own URL and the app's page cache never answers.
 */
export async function loadPath(origin: string, path: string, pid: number, settings: LoadSettings, unique = false): Promise<LoadResult> {
  let n = 0;
  const requests = unique
    ? [{ method: "GET", setupRequest: (request: { path?: string }) => ({ ...request, path: `${path}?x=${(n += 1)}` }) }]
    : [{ method: "GET", path }];
  const options = { url: origin, connections: settings.connections, timeout: 10, headers: settings.headers, requests };
  // Memory is sampled through the warm-up too: the peak is what the process needed.
  const sampler = sampleRss(pid);
  await autocannon({ ...options, duration: settings.warmupSeconds });
  const result = await autocannon({ ...options, duration: settings.seconds });
  const peakRssMB = sampler.stop();
  return {
    requestsPerSecond: result.requests.average,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    peakRssMB,
  };
}
