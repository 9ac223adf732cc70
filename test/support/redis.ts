import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import Redis from 'ioredis';

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

/** A port nobody listens on right now (the kernel's pick). */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

/** Polls `check` until it returns true, failing after `timeoutMs` with `what` in the message. */
export const waitUntil = async (what: string, check: () => Promise<boolean> | boolean, timeoutMs = 20_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

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
