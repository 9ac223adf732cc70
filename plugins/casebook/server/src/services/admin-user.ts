import type { Core } from '@strapi/strapi';

export type AdminSeedResult = 'created' | 'exists' | 'not-configured';

// Strapi's own rule for admin passwords (its registration form enforces the same).
const PASSWORD_RULE = /^(?=.*[a-z])(?=.*[A-Z])(?=.*\d).{8,73}$/;

/**
 * Creates the first super admin from CASEBOOK_ADMIN_EMAIL / CASEBOOK_ADMIN_PASSWORD, so an unattended
 * deployment needs no browser step. Without them, Strapi's own registration page asks for one.
 */
const adminUserService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async ensureFirstAdmin(env: NodeJS.ProcessEnv = process.env): Promise<AdminSeedResult> {
    const email = env.CASEBOOK_ADMIN_EMAIL?.trim();
    const password = env.CASEBOOK_ADMIN_PASSWORD;
    if (!email || !password) return 'not-configured';

    const users = strapi.service('admin::user');
    if (await users.exists()) return 'exists';

    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
      throw new Error(`CASEBOOK_ADMIN_EMAIL is not an e-mail address: "${email}"`);
    }
    if (!PASSWORD_RULE.test(password)) {
      throw new Error('CASEBOOK_ADMIN_PASSWORD needs 8 to 73 characters with a lower-case letter, an upper-case letter and a digit');
    }
    await users.createFirstAdmin({
      email: email.toLowerCase(),
      password,
      firstname: env.CASEBOOK_ADMIN_FIRSTNAME?.trim() || 'Casebook',
      lastname: env.CASEBOOK_ADMIN_LASTNAME?.trim() || 'Admin',
    });
    return 'created';
  },
});

export default adminUserService;
