import { spawn, type ChildProcess } from 'node:child_process';
import Redis from 'ioredis';
import { freePort, waitUntil } from './wait';

export type RedisServer = {
  url: string;
  port: number;
  /** Starts redis-server on the same port again (after kill), empty: nothing is saved. */
  start(): Promise<void>;
  /** SIGKILL, as a crash or an OOM kill: no goodbye to clients. Resolves once the process is gone. */
  kill(): Promise<void>;
};

/** From PATH (/usr/bin/redis-server on the development and CI machines). */
const REDIS_SERVER = 'redis-server';

/** A private redis-server of the test's own (no persistence), on a free port of 127.0.0.1. */
export const startRedisServer = async (): Promise<RedisServer> => {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;

  const answers = async () => {
    const client = new Redis(url, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => undefined);
    try {
      await client.connect();
      return (await client.ping()) === 'PONG';
    } catch {
      return false;
    } finally {
      client.disconnect();
    }
  };

  const server: RedisServer = {
    url,
    port,
    async start() {
      const redis = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
      child = redis;
      const exited = new Promise<never>((_, reject) => redis.once('exit', (code) => reject(new Error(`redis-server on port ${port} exited with ${code}`))));
      exited.catch(() => undefined);
      await Promise.race([waitUntil(`redis-server on port ${port}`, answers, 10_000), exited]);
    },
    async kill() {
      const running = child;
      if (!running || running.exitCode !== null || running.signalCode !== null) return;
      const gone = new Promise((resolve) => running.once('exit', resolve));
      running.kill('SIGKILL');
      await gone;
    },
  };
  await server.start();
  return server;
};
