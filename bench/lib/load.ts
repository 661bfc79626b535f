/** HTTP load on the sandbox API with autocannon, in this process, against the bench server. */
import autocannon from 'autocannon';

export interface LoadResult {
  title: string;
  durationS: number;
  requests: number;
  non2xx: number;
  errors: number;
  /** Responses received in each whole second of the run. */
  perSecond: number[];
  reqPerSec: number;
  /** Every response time in ms. */
  latencies: number[];
}

export async function load(options: {
  title: string;
  url: string;
  apiKey: string;
  workspaceId: string;
  paths: string[];
  durationS: number;
  connections?: number;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  const paths = options.paths;
  let finish!: (result: autocannon.Result) => void;
  let fail!: (error: unknown) => void;
  const done = new Promise<autocannon.Result>((resolveRun, reject) => {
    finish = resolveRun;
    fail = reject;
  });
  const options_: autocannon.Options = {
    url: options.url,
    connections: options.connections ?? 10,
    duration: options.durationS,
    headers: { 'api-key': options.apiKey, 'x-workspace-id': options.workspaceId },
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }),
      },
    ],
  };
  const instance = autocannon(options_, (error: unknown, result: autocannon.Result) =>
    error ? fail(error) : finish(result),
  );
  instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  const stamps: number[] = [];
  const started = performance.now();
  instance.on('response', () => stamps.push(performance.now() - started));
  const result = await done;
  const seconds = Math.max(1, Math.floor(options.durationS));
  const perSecond = Array.from({ length: seconds }, () => 0);
  for (const t of stamps) {
    const second = Math.floor(t / 1000);
    if (second < seconds) perSecond[second]! += 1;
  }
  return {
    title: options.title,
    durationS: options.durationS,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    perSecond,
    reqPerSec: result.requests.total / (result.duration || options.durationS),
    latencies,
  };
}
