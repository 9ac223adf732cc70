#!/usr/bin/env node
// Builds and runs cms/Dockerfile without a Docker engine, so that CI proves the image builds and serves.
//
// It reads the Dockerfile (the check follows the file, not a copy of its steps) and replays each stage in a
// directory that stands for the image root: COPY takes the same files in the same order (honouring
// .dockerignore and --from=), RUN runs in that root through chroot, with WORKDIR, ENV and USER applied.
// The host's system (/usr, /etc …) is bind-mounted into the root in a private mount namespace, standing for
// the base image; nothing is mounted on the host. Then it starts the final stage's CMD in production mode
// (strong generated secrets) against a fresh PostgreSQL database and Redis, runs the Dockerfile's own
// HEALTHCHECK command until it passes, stops the server and drops the database.
//
// What differs from an engine, on purpose:
// - a RUN made only of `apt-get update`, `apt-get install PACKAGES` and `rm -rf /var/lib/apt/lists/*` is not
//   run (it would change the host): the packages must be installed on the host, and are checked instead;
// - the base image's `node` user (uid and gid 1000 in the official Node images) is added to the root's
//   /etc/passwd and /etc/group when the host has none;
// - the host's Node and npm stand for the base image's; the HEALTHCHECK is polled every 2 s instead of at its
//   --interval, until the time an engine would declare the container unhealthy (start period + retries × interval).
//
// Usage (as root: it needs unshare, mount and chroot): node scripts/replay-dockerfile.mjs [Dockerfile]
// CASEBOOK_TEST_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres) and REDIS_URL (default
// redis://127.0.0.1:6379) say where the servers are; REPLAY_KEEP=1 keeps the image root for inspection.
import { randomBytes } from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dockerfile = path.resolve(process.argv[2] ?? path.join(root, 'cms', 'Dockerfile'));
const context = root;
const dockerfileName = path.relative(root, dockerfile) || dockerfile;
const { Client } = createRequire(path.join(root, 'cms', 'package.json'))('pg');

/** An error at a line of the Dockerfile: the message CI shows. */
class ReplayError extends Error {
  constructor(line, message) {
    super(line ? `${dockerfileName}:${line}: ${message}` : message);
  }
}

// ---------------------------------------------------------------------------------------------- parsing

/** The Dockerfile as instructions: continuation lines joined, comments dropped, each with its first line. */
export const parseDockerfile = (text) => {
  const instructions = [];
  let pending = null;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trimEnd();
    if (/^\s*#/.test(line) || (pending === null && line.trim() === '')) return;
    const continued = line.endsWith('\\');
    const body = continued ? line.slice(0, -1) : line;
    if (pending === null) pending = { line: index + 1, text: body.trim() };
    else pending.text += ` ${body.trim()}`;
    if (!continued) {
      const match = /^(\S+)\s*(.*)$/.exec(pending.text);
      instructions.push({ line: pending.line, keyword: match[1].toUpperCase(), args: match[2] });
      pending = null;
    }
  });
  if (pending) throw new ReplayError(pending.line, 'the last instruction ends with a line continuation');

  const stages = [];
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') {
      const match = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(instruction.args);
      if (!match || match[1].startsWith('--')) throw new ReplayError(instruction.line, `FROM ${instruction.args}: not understood by the replay`);
      stages.push({ line: instruction.line, image: match[1], name: match[2] ?? String(stages.length), instructions: [] });
    } else if (stages.length === 0) {
      throw new ReplayError(instruction.line, `${instruction.keyword} before the first FROM`);
    } else {
      stages.at(-1).instructions.push(instruction);
    }
  }
  return stages;
};

/** Leading --name=value flags of an instruction, and what follows them. */
const takeFlags = (instruction, allowed) => {
  const flags = {};
  let rest = instruction.args;
  for (let match; (match = /^--([a-z-]+)=(\S+)\s+/.exec(rest)); rest = rest.slice(match[0].length)) {
    if (!allowed.includes(match[1])) throw new ReplayError(instruction.line, `${instruction.keyword} --${match[1]}: not understood by the replay`);
    flags[match[1]] = match[2];
  }
  return { flags, rest };
};

/** The exec form (a JSON array) or the shell form (run by /bin/sh -c) as an argv. */
const commandArgv = (instruction, text) => {
  if (text.trim().startsWith('[')) {
    const argv = JSON.parse(text);
    if (!Array.isArray(argv) || argv.some((word) => typeof word !== 'string')) throw new ReplayError(instruction.line, 'the exec form must be a JSON array of strings');
    return argv;
  }
  return ['/bin/sh', '-c', text];
};

const parseEnv = (instruction) => {
  const values = {};
  const text = instruction.args;
  if (!text.includes('=')) {
    const [key, ...value] = text.split(/\s+/);
    values[key] = value.join(' ');
    return values;
  }
  const pair = /([A-Za-z_][A-Za-z0-9_]*)=("(?:[^"\\]|\\.)*"|'[^']*'|\S*)\s*/gy;
  let consumed = 0;
  for (let match; (match = pair.exec(text)); consumed = pair.lastIndex) {
    const value = match[2].replace(/^"(.*)"$/s, (_, inner) => inner.replace(/\\(.)/g, '$1')).replace(/^'(.*)'$/s, '$1');
    if (value.includes('$')) throw new ReplayError(instruction.line, `ENV ${match[1]}: variable substitution is not understood by the replay`);
    values[match[1]] = value;
  }
  if (consumed !== text.length) throw new ReplayError(instruction.line, `ENV ${text}: not understood by the replay`);
  return values;
};

const DURATION_UNITS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const duration = (instruction, text) => {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(text);
  if (!match) throw new ReplayError(instruction.line, `HEALTHCHECK: "${text}" is not a duration`);
  return Number(match[1]) * DURATION_UNITS[match[2]];
};

const parseHealthcheck = (instruction) => {
  const { flags, rest } = takeFlags(instruction, ['interval', 'timeout', 'start-period', 'start-interval', 'retries']);
  if (/^NONE$/i.test(rest.trim())) return null;
  const match = /^CMD\s+(.*)$/is.exec(rest);
  if (!match) throw new ReplayError(instruction.line, 'HEALTHCHECK needs CMD or NONE');
  return {
    argv: commandArgv(instruction, match[1]),
    interval: duration(instruction, flags.interval ?? '30s'),
    timeout: duration(instruction, flags.timeout ?? '30s'),
    startPeriod: duration(instruction, flags['start-period'] ?? '0s'),
    retries: Number(flags.retries ?? 3),
  };
};

/**
 * .dockerignore as Docker reads it: patterns relative to the context, `**` any number of directories,
 * `!` re-includes, the last matching pattern wins, and a pattern that matches a directory matches what is in it.
 */
export const dockerignore = (text) => {
  const rules = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const include = line.startsWith('!');
      const pattern = path.posix.normalize((include ? line.slice(1) : line).trim()).replace(/^\/+/, '').replace(/\/+$/, '');
      return { include, pattern };
    });
  const matches = (pattern, file) => {
    const parts = file.split('/');
    return parts.some((_, index) => path.matchesGlob(parts.slice(0, index + 1).join('/'), pattern));
  };
  const excluded = (file) => {
    let result = false;
    for (const rule of rules) if (matches(rule.pattern, file)) result = !rule.include;
    return result;
  };
  /** A directory must be walked when it is kept, or when a `!` pattern may re-include something inside it. */
  const mustWalk = (dir) => !excluded(dir) || rules.some((rule) => rule.include && rule.pattern.startsWith(`${dir}/`));
  return { excluded, mustWalk };
};

// ------------------------------------------------------------------------------------------ the image root

// The users of the official Node images that a host may lack.
const BASE_IMAGE_USERS = [{ name: 'node', uid: 1000, gid: 1000, home: '/home/node' }];

/**
 * Files the root gets from the base image that the host's system cannot provide: /etc/passwd and /etc/group
 * with the base image's users, mounted over the host's inside the namespace.
 */
const prepareBaseImageFiles = (work) => {
  const files = {};
  for (const [file, line] of [
    ['passwd', (user) => `${user.name}:x:${user.uid}:${user.gid}::${user.home}:/bin/sh`],
    ['group', (user) => `${user.name}:x:${user.gid}:`],
  ]) {
    const host = fs.readFileSync(`/etc/${file}`, 'utf8');
    const missing = BASE_IMAGE_USERS.filter((user) => !new RegExp(`^${user.name}:`, 'm').test(host)).map(line);
    files[file] = path.join(work, file);
    fs.writeFileSync(files[file], `${host.trimEnd()}\n${missing.join('\n')}\n`);
  }
  return files;
};

const lookupUser = (files, spec, line) => {
  const [userName, groupName] = spec.split(':');
  const entries = (file) => fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((entry) => entry.split(':'));
  const user = entries(files.passwd).find((entry) => entry[0] === userName || entry[2] === userName);
  if (!user) throw new ReplayError(line, `USER ${spec}: no such user in the image`);
  const group = groupName ? entries(files.group).find((entry) => entry[0] === groupName || entry[2] === groupName) : null;
  if (groupName && !group) throw new ReplayError(line, `USER ${spec}: no such group in the image`);
  return { uid: Number(user[2]), gid: Number(group ? group[2] : user[3]), home: user[5] || '/' };
};

// Runs argv inside the stage's root: a private mount namespace binds the host's system directories into the
// root (symlinked ones such as /bin -> usr/bin are recreated as symlinks), then chroot, cd WORKDIR, exec.
const IN_ROOT = String.raw`
set -e
root=$1; workdir=$2; userspec=$3; passwd=$4; group=$5; shift 5
for dir in bin sbin lib lib32 lib64 libx32 usr etc opt dev proc sys run tmp root var; do
  if [ -L "/$dir" ]; then ln -sfn "$(readlink "/$dir")" "$root/$dir"
  elif [ -d "/$dir" ]; then mkdir -p "$root/$dir"; mount --rbind "/$dir" "$root/$dir"; fi
done
mount --bind "$passwd" "$root/etc/passwd"
mount --bind "$group" "$root/etc/group"
mkdir -p "$root$workdir"
exec chroot --userspec="$userspec" --groups= "$root" /bin/sh -c 'cd "$1" && shift && exec "$@"' replay "$workdir" "$@"
`;

const inRoot = (stage, argv, { env, user, detached = false, stdio = 'inherit' }) =>
  spawn('unshare', ['--mount', '--propagation', 'private', '--', '/bin/sh', '-c', IN_ROOT, 'replay', stage.root, stage.workdir, `${user.uid}:${user.gid}`, stage.files.passwd, stage.files.group, ...argv], {
    env,
    stdio,
    detached,
  });

const exitOf = (child) => new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1))));

/** The environment of a process in the image: its ENV, the user's HOME, and a PATH for the host's system. */
const imageEnv = (stage, user, extra = {}) => ({
  PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
  HOME: user.home,
  ...stage.env,
  ...extra,
});

/** Copies a file or a directory's contents (Docker's COPY rules), keeping symlinks as they are. */
const copyInto = (source, target, { intoDirectory, filter }) => {
  const stat = fs.lstatSync(source);
  const destination = stat.isDirectory() || !intoDirectory ? target : path.join(target, path.basename(source));
  fs.mkdirSync(stat.isDirectory() ? destination : path.dirname(destination), { recursive: true });
  fs.cpSync(source, destination, { recursive: true, verbatimSymlinks: true, force: true, filter });
};

const copy = (stage, stages, ignore, instruction) => {
  const { flags, rest } = takeFlags(instruction, ['from', 'chown', 'chmod']);
  if (rest.trim().startsWith('[')) throw new ReplayError(instruction.line, 'COPY in JSON form is not understood by the replay');
  const words = rest.trim().split(/\s+/);
  if (words.length < 2) throw new ReplayError(instruction.line, 'COPY needs a source and a destination');
  const destinationWord = words.pop();
  const destination = path.posix.resolve(stage.workdir, destinationWord);
  const intoDirectory = destinationWord.endsWith('/') || words.length > 1;
  const target = path.join(stage.root, destination);

  const from = flags.from === undefined ? null : stages.find((other) => other.name === flags.from);
  if (flags.from !== undefined && !from?.root) throw new ReplayError(instruction.line, `COPY --from=${flags.from}: no earlier stage of that name`);
  for (const word of words) {
    if (/[*?[]/.test(word)) throw new ReplayError(instruction.line, `COPY ${word}: wildcards are not understood by the replay`);
    if (from) {
      const source = path.join(from.root, path.posix.resolve('/', word));
      if (!fs.existsSync(source)) throw new ReplayError(instruction.line, `COPY --from=${flags.from} ${word}: not in that stage`);
      copyInto(source, target, { intoDirectory });
      continue;
    }
    const relative = path.posix.normalize(word).replace(/^\/+/, '').replace(/\/+$/, '');
    const source = path.join(context, relative === '.' ? '' : relative);
    if (!fs.existsSync(source) || (relative !== '.' && ignore.excluded(relative))) {
      throw new ReplayError(instruction.line, `COPY ${word}: not in the build context (missing, or excluded by .dockerignore)`);
    }
    const filter = (file) => {
      const inContext = path.relative(context, file).split(path.sep).join('/');
      if (inContext === '') return true;
      return fs.lstatSync(file).isDirectory() ? ignore.mustWalk(inContext) : !ignore.excluded(inContext);
    };
    copyInto(source, target, { intoDirectory, filter });
  }
  if (flags.chown) {
    const owner = lookupUser(stage.files, flags.chown, instruction.line);
    spawnSync('chown', ['-R', '-h', `${owner.uid}:${owner.gid}`, target]);
  }
  if (flags.chmod) spawnSync('chmod', ['-R', flags.chmod, target]);
};

const APT_PARTS = [/^apt-get\s+update(\s+-\S+)*$/, /^apt-get\s+install\s+(.*)$/, /^rm\s+-rf\s+\/var\/lib\/apt\/lists\/\*$/];

/** The packages of a RUN made only of apt-get update / install / list clean-up; null for any other RUN. */
const aptPackages = (command) => {
  const parts = command.split('&&').map((part) => part.trim());
  if (!parts.some((part) => APT_PARTS[1].test(part)) || !parts.every((part) => APT_PARTS.some((pattern) => pattern.test(part)))) return null;
  return parts.flatMap((part) => APT_PARTS[1].exec(part)?.[1].split(/\s+/).filter((word) => !word.startsWith('-')) ?? []);
};

const run = async (stage, instruction) => {
  const argv = commandArgv(instruction, instruction.args);
  const packages = argv[0] === '/bin/sh' ? aptPackages(argv[2]) : null;
  if (packages) {
    const missing = packages.filter((name) => spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' }).stdout !== 'install ok installed');
    if (missing.length > 0) throw new ReplayError(instruction.line, `RUN apt-get install: not installed on this host: ${missing.join(' ')} (apt-get install ${missing.join(' ')})`);
    console.log(`   (apt-get not run: ${packages.join(', ')} are installed on this host)`);
    return;
  }
  const status = await exitOf(inRoot(stage, argv, { env: imageEnv(stage, stage.user), user: stage.user }));
  if (status !== 0) throw new ReplayError(instruction.line, `RUN ${instruction.args} failed with exit code ${status}`);
};

/** Replays every stage's build instructions; returns the stages, the last one holding CMD and HEALTHCHECK. */
const build = async (work, ignore) => {
  const stages = parseDockerfile(fs.readFileSync(dockerfile, 'utf8'));
  const files = prepareBaseImageFiles(work);
  for (const [index, stage] of stages.entries()) {
    console.log(`== ${dockerfileName}:${stage.line}: stage ${stage.name} (FROM ${stage.image})`);
    const base = stages.slice(0, index).find((other) => other.name === stage.image);
    if (base) throw new ReplayError(stage.line, 'FROM an earlier stage is not understood by the replay');
    Object.assign(stage, { root: path.join(work, `stage-${index}`), workdir: '/', env: {}, files, user: lookupUser(files, 'root', stage.line) });
    fs.mkdirSync(stage.root);
    for (const user of BASE_IMAGE_USERS) {
      fs.mkdirSync(path.join(stage.root, user.home), { recursive: true });
      fs.chownSync(path.join(stage.root, user.home), user.uid, user.gid);
    }
    for (const instruction of stage.instructions) {
      const started = Date.now();
      console.log(`-- ${dockerfileName}:${instruction.line}: ${instruction.keyword} ${instruction.args}`);
      switch (instruction.keyword) {
        case 'WORKDIR':
          stage.workdir = path.posix.resolve(stage.workdir, instruction.args.trim());
          fs.mkdirSync(path.join(stage.root, stage.workdir), { recursive: true });
          break;
        case 'ENV':
          Object.assign(stage.env, parseEnv(instruction));
          break;
        case 'COPY':
          copy(stage, stages, ignore, instruction);
          break;
        case 'RUN':
          await run(stage, instruction);
          break;
        case 'USER':
          stage.user = lookupUser(files, instruction.args.trim(), instruction.line);
          break;
        case 'EXPOSE':
          stage.expose = instruction.args.trim();
          break;
        case 'HEALTHCHECK':
          stage.healthcheck = { line: instruction.line, check: parseHealthcheck(instruction) };
          break;
        case 'CMD':
          stage.cmd = { line: instruction.line, argv: commandArgv(instruction, instruction.args) };
          break;
        default:
          throw new ReplayError(instruction.line, `${instruction.keyword}: not understood by the replay`);
      }
      if (Date.now() - started > 10_000) console.log(`   (${Math.round((Date.now() - started) / 1000)} s)`);
    }
  }
  return stages;
};

// ------------------------------------------------------------------------------------------- running it

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = net.createServer().once('error', reject).listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const strongSecrets = () => ({
  APP_KEYS: Array.from({ length: 4 }, () => randomBytes(32).toString('base64')).join(','),
  API_TOKEN_SALT: randomBytes(32).toString('base64'),
  ADMIN_JWT_SECRET: randomBytes(32).toString('base64'),
  TRANSFER_TOKEN_SALT: randomBytes(32).toString('base64'),
  JWT_SECRET: randomBytes(32).toString('base64'),
  ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  CASEBOOK_SECRET: randomBytes(32).toString('base64'),
});

/** Starts the final stage's CMD as `docker run -e …` would, and waits until its HEALTHCHECK passes. */
const serve = async (stage) => {
  if (!stage.cmd) throw new ReplayError(stage.line, `the final stage (FROM ${stage.image}) has no CMD`);
  if (!stage.healthcheck?.check) throw new ReplayError(stage.line, 'the final stage has no HEALTHCHECK: nothing tells that the image serves');
  const adminUrl = process.env.CASEBOOK_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const database = `casebook_image_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const withAdmin = async (query) => {
    const client = new Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(query);
    } finally {
      await client.end();
    }
  };
  await withAdmin(`CREATE DATABASE "${database}"`);
  const databaseUrl = new URL(adminUrl);
  databaseUrl.pathname = `/${database}`;

  const port = await freePort();
  const runtime = {
    ...strongSecrets(),
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_CLIENT: 'postgres',
    DATABASE_URL: databaseUrl.toString(),
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  };
  const env = imageEnv(stage, stage.user, runtime);
  console.log(`== ${dockerfileName}:${stage.cmd.line}: CMD ${JSON.stringify(stage.cmd.argv)} as uid ${stage.user.uid}, NODE_ENV=${env.NODE_ENV}, port ${port}, database ${database}`);
  const server = inRoot(stage, stage.cmd.argv, { env, user: stage.user, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  server.stdout.on('data', (chunk) => (output += chunk));
  server.stderr.on('data', (chunk) => (output += chunk));
  const exited = exitOf(server);
  let serverExit = null;
  exited.then((code) => (serverExit = code));

  const { check } = stage.healthcheck;
  const deadline = Date.now() + check.startPeriod + check.retries * check.interval;
  try {
    for (let attempt = 1; ; attempt += 1) {
      if (serverExit !== null) throw new ReplayError(stage.cmd.line, `CMD exited with code ${serverExit} before its HEALTHCHECK passed`);
      const probe = inRoot(stage, check.argv, { env, user: stage.user, stdio: 'ignore' });
      const timer = setTimeout(() => probe.kill('SIGKILL'), check.timeout);
      const status = await exitOf(probe);
      clearTimeout(timer);
      if (status === 0) {
        console.log(`== ${dockerfileName}:${stage.healthcheck.line}: HEALTHCHECK passed (attempt ${attempt})`);
        break;
      }
      if (Date.now() > deadline) {
        throw new ReplayError(stage.healthcheck.line, `HEALTHCHECK still failing after ${Math.round((check.startPeriod + check.retries * check.interval) / 1000)} s (start period + retries × interval)`);
      }
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  } catch (error) {
    console.error(`-- the server's last output:\n${output.slice(-6000)}`);
    throw error;
  } finally {
    if (serverExit === null) {
      process.kill(-server.pid, 'SIGTERM');
      const killer = setTimeout(() => process.kill(-server.pid, 'SIGKILL'), 15_000);
      await exited;
      clearTimeout(killer);
    }
    await withAdmin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  }
};

const main = async () => {
  if (process.getuid?.() !== 0) throw new ReplayError(null, 'the replay runs as root: it needs unshare, mount and chroot');
  const ignoreFile = path.join(context, '.dockerignore');
  const ignore = dockerignore(fs.existsSync(ignoreFile) ? fs.readFileSync(ignoreFile, 'utf8') : '');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'casebook-image-'));
  fs.chmodSync(work, 0o755);
  try {
    const stages = await build(work, ignore);
    await serve(stages.at(-1));
    console.log(`== ${dockerfileName}: the image builds, starts in production mode and passes its HEALTHCHECK`);
  } finally {
    if (process.env.REPLAY_KEEP === '1') console.log(`(kept the image roots in ${work})`);
    else fs.rmSync(work, { recursive: true, force: true });
  }
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error) => {
    console.error(`replay of ${dockerfileName} failed: ${error.message}`);
    process.exit(1);
  });
}
