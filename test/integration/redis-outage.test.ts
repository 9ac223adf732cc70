import { randomBytes } from 'node:crypto';
import { captureLog } from '../support/log';
import { bootCasebook, type Casebook } from '../support/strapi';

/** Long random secrets, as production must have: development's fixed test secrets are not for production. */
const productionSecrets = () => ({
  APP_KEYS: Array.from({ length: 4 }, () => randomBytes(24).toString('base64')).join(','),
  ...Object.fromEntries(
    ['API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY', 'CASEBOOK_SECRET'].map((name) => [name, randomBytes(32).toString('base64')]),
  ),
});

describe('production', () => {
  test('refuses to start when REDIS_URL cannot be reached, naming REDIS_URL and never its password', async () => {
    const password = 'hunter2-production-only';
    const log = captureLog();
    const boot = bootCasebook({
      env: { NODE_ENV: 'production', ...productionSecrets(), REDIS_URL: `redis://:${password}@127.0.0.1:1` },
      onCreate: (strapi) => log.attach(strapi),
    });
    const refusal = await boot.then(
      async (casebook) => {
        await casebook.stop();
        throw new Error('Casebook started in production with an unreachable REDIS_URL');
      },
      (error: unknown) => error as Error,
    );
    expect(refusal.message).toMatch(/refuses to start in production: Redis \(REDIS_URL, redis:\/\/127\.0\.0\.1:1\) cannot be reached/);
    expect(refusal.message).not.toContain(password);
    expect(log.find('error', /Redis \(REDIS_URL\) cannot be reached/)).toHaveLength(1);
    expect(JSON.stringify(log.entries)).not.toContain(password);
  });
});
