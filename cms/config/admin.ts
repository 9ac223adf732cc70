import type { Core } from '@strapi/strapi';
import { ensureSecrets } from '../src/env/secrets';

ensureSecrets();

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  auth: {
    secret: env('ADMIN_JWT_SECRET'),
  },
  apiToken: {
    salt: env('API_TOKEN_SALT'),
  },
  transfer: {
    token: {
      salt: env('TRANSFER_TOKEN_SALT'),
    },
  },
  secrets: {
    encryptionKey: env('ENCRYPTION_KEY'),
  },
  flags: {
    nps: false,
    promoteEE: false,
  },
  // No preview front end exists: without this, every edit view offers "Set up preview", a link to Strapi's docs.
  preview: { enabled: false },
  // Skipped in API-only tests, which never build the admin panel.
  serveAdminPanel: env.bool('SERVE_ADMIN', true),
});
