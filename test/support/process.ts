import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { CMS_DIR, ROOT_DIR } from './paths';
import { TEST_SECRETS } from './strapi';
import { freePort } from './wait';

export type CmsProcess = {
  url: string;
  child: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code (or signal) once the process has ended. */
  exited: Promise<number | string>;
  /** SIGTERM, then SIGKILL after 10 s; resolves once it has exited. */
  stop(): Promise<void>;
};

/**
 * A CMS as production runs it, in a process of its own: Strapi's `start` command on the compiled app (test
 * global setup compiles it; no admin panel), on `env`'s database, on a free port.
 */
export const startCms = async (env: Record<string, string>): Promise<CmsProcess> => {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(ROOT_DIR, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js'), 'start'], {
    cwd: CMS_DIR,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'test',
      STRAPI_TELEMETRY_DISABLED: 'true',
      SERVE_ADMIN: 'false',
      LOG_STARTUP: 'false',
      LOG_LEVEL: 'info',
      HOST: '127.0.0.1',
      PORT: String(port),
      ...TEST_SECRETS,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    output: () => output,
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
};

/** Waits until the CMS answers `path` with a 2xx, or fails with what it printed when it exits or after `timeoutMs`. */
export const waitUntilServing = async (cms: CmsProcess, { path: route = '/api/casebook/health', timeoutMs = 120_000 } = {}) => {
  const started = Date.now();
  let ended = false;
  void cms.exited.then(() => (ended = true));
  while (Date.now() - started < timeoutMs) {
    if (ended) throw new Error(`the CMS exited before it served:\n${cms.output()}`);
    const ok = await fetch(`${cms.url}${route}`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the CMS did not serve ${route} within ${timeoutMs / 1000} s:\n${cms.output()}`);
};
