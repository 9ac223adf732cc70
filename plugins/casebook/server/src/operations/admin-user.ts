import type { Core } from '@strapi/strapi';
import { BlockList, isIPv6 } from 'node:net';
import { ADMIN_REGISTRATION, type AdminRegistration, type CasebookConfig } from '../config';
import { serviceAccessor } from '../plugin-services';

export type AdminSeedResult = 'created' | 'exists' | 'not-configured';

// Strapi's own rule for admin passwords (its registration form enforces the same).
const PASSWORD_RULE = /^(?=.*[a-z])(?=.*[A-Z])(?=.*\d).{8,73}$/;

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** Whether a client address is this machine's own (127.0.0.0/8, ::1, and those as IPv4-mapped IPv6). */
export const isLoopback = (ip: string) => LOOPBACK.check(ip, isIPv6(ip) ? 'ipv6' : 'ipv4');

/** Why a request may not register the first admin, in the admin's language first; null when it may. */
const REFUSALS: Record<Exclude<AdminRegistration, 'open'>, string> = {
  closed:
    '首个管理员注册已关闭:请设置 CASEBOOK_ADMIN_EMAIL 和 CASEBOOK_ADMIN_PASSWORD 后重启,或设置 CASEBOOK_ADMIN_REGISTRATION=open。' +
    'First-admin registration is closed: set CASEBOOK_ADMIN_EMAIL and CASEBOOK_ADMIN_PASSWORD and restart, or set CASEBOOK_ADMIN_REGISTRATION=open.',
  loopback:
    '首个管理员只能从本机(127.0.0.1)注册:请在服务器本机打开 /admin,或设置 CASEBOOK_ADMIN_EMAIL 和 CASEBOOK_ADMIN_PASSWORD 后重启。' +
    'The first admin registers only from this machine (127.0.0.1): open /admin on the server itself, or set CASEBOOK_ADMIN_EMAIL and CASEBOOK_ADMIN_PASSWORD and restart.',
};

/**
 * Creates the first super admin from CASEBOOK_ADMIN_EMAIL / CASEBOOK_ADMIN_PASSWORD, so an unattended
 * deployment needs no browser step. Without them, Strapi's own registration page asks for one, as far as
 * CASEBOOK_ADMIN_REGISTRATION lets it.
 */
const adminUserService = ({ strapi }: { strapi: Core.Strapi }) => {
  /**
   * Who may use Strapi's registration page while no admin exists. Unset, production is closed (the first
   * visitor would become super admin) and development opens it to this machine only, so that `npm start`
   * on a laptop still lets a newcomer in.
   */
  const registration = (): AdminRegistration => {
    const configured = strapi.plugin('casebook').config('adminRegistration') as CasebookConfig['adminRegistration'];
    return configured ?? (strapi.config.get('environment') === 'production' ? 'closed' : 'loopback');
  };

  return {
    registration,

    /** What the start-up log says while no admin exists. */
    registrationNotice: () =>
      `no admin yet: registration of the first admin at /admin is ${ADMIN_REGISTRATION[registration()]} (CASEBOOK_ADMIN_REGISTRATION; README, "Configuration")`,

    /** Null when a request from this client address may register the first admin, else why not. */
    registrationRefusal(ip: string): string | null {
      const mode = registration();
      if (mode === 'open' || (mode === 'loopback' && isLoopback(ip))) return null;
      return REFUSALS[mode];
    },

    /** 'not-configured' means that no admin exists and none is configured: the registration page decides. */
    async ensureFirstAdmin(env: NodeJS.ProcessEnv = process.env): Promise<AdminSeedResult> {
      const users = strapi.service('admin::user');
      if (await users.exists()) return 'exists';

      const email = env.CASEBOOK_ADMIN_EMAIL?.trim();
      const password = env.CASEBOOK_ADMIN_PASSWORD;
      if (!email || !password) return 'not-configured';

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
  };
};

export default adminUserService;

export type AdminUserService = ReturnType<typeof adminUserService>;

/** The `admin-user` service of a running Strapi. */
export const adminUserOf = serviceAccessor<AdminUserService>('admin-user');
