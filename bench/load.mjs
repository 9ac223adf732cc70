/**
 * The load generator of the benchmarks, in a process of its own so that it does not share a core's event
 * loop with the CMS it measures: `fork('bench/load.mjs')` then `send(scenario)` runs autocannon and sends its result to the
 * parent. Requests cycle through `paths` and `bodies` in a fixed order; in `unique` mode every
 * `__N__` in a body or path becomes the request's own number, so that no two requests are alike.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const autocannon = require('autocannon');
// The scenario arrives by IPC: a thousand request bodies do not fit in a command line.
const { url, method, bodies, paths, connections, seconds, unique } = await new Promise((resolve) => process.once('message', resolve));
let turn = 0;
const numbered = (text) => (unique ? text.replaceAll('__N__', String(turn)) : text);

const result = await autocannon({
  url,
  connections,
  duration: seconds,
  // A slow scenario queues requests for seconds: count them late rather than as errors.
  timeout: 120,
  requests: [
    {
      method,
      headers: { 'content-type': 'application/json' },
      setupRequest: (request) => {
        turn += 1;
        return {
          ...request,
          ...(paths ? { path: numbered(paths[turn % paths.length]) } : {}),
          ...(bodies ? { body: numbered(bodies[turn % bodies.length]) } : {}),
        };
      },
    },
  ],
});
process.send({
  requests: result.requests.total,
  sent: result.requests.sent,
  rps: result.requests.average,
  p50: result.latency.p50,
  p99: result.latency.p99,
  non2xx: result.non2xx,
  errors: result.errors,
});
process.exit(0);
