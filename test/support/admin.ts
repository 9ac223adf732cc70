import type { Test } from 'supertest';
import type { Casebook } from './strapi';

/**
 * Principals: who calls the CMS over HTTP in a test. Each one sends its own credentials with every request,
 * so a permission table can run the same request as each of them:
 *
 * ```ts
 * const editor = await signInAs(casebook, 'strapi-editor');
 * await editor.get('/casebook/overview').expect(200);
 * const reader = await apiToken(casebook, 'read-only');
 * await reader.get('/api/cases').expect(200);
 * await anonymous(casebook).post('/casebook/import', {}).expect(401);
 * ```
 */
export type Principal = {
  /** What tables and test names call it ("Editor", "API token (read-only)" …). */
  name: string;
  /** The bearer token sent with every request: an admin session's JWT, an API token's key, or none. */
  token: string | null;
  request(method: Method, path: string): Test;
  get(path: string): Test;
  post(path: string, body?: object): Test;
  put(path: string, body?: object): Test;
  delete(path: string): Test;
};

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** The codes of the three roles Strapi creates on a fresh database. */
export type AdminRoleCode = 'strapi-super-admin' | 'strapi-editor' | 'strapi-author';

export type AdminRole = { id: number; code: string; name: string };

/** A signed-in admin user: a principal with the user and role behind it. */
export type AdminPrincipal = Principal & { user: { id: number; email: string }; role: AdminRole; password: string };

const ROLE_NAMES: Record<AdminRoleCode, string> = { 'strapi-super-admin': 'Super Admin', 'strapi-editor': 'Editor', 'strapi-author': 'Author' };

/** A password that satisfies Strapi's rule (8 to 73 characters, lower and upper case, a digit). */
export const ADMIN_PASSWORD = 'Casebook2024pw';

const principal = (casebook: Casebook, name: string, token: string | null): Principal => {
  const request = (method: Method, path: string) => {
    const test = casebook.http()[method.toLowerCase() as 'get' | 'post' | 'put' | 'delete'](path);
    return token ? test.set('Authorization', `Bearer ${token}`) : test;
  };
  return {
    name,
    token,
    request,
    get: (path) => request('GET', path),
    post: (path, body) => request('POST', path).send(body ?? {}),
    put: (path, body) => request('PUT', path).send(body ?? {}),
    delete: (path) => request('DELETE', path),
  };
};

/** A caller without credentials. */
export const anonymous = (casebook: Casebook): Principal => principal(casebook, 'anonymous', null);

/** A new content-API token of Strapi's kind `type`, sent as `Authorization: Bearer <key>`. */
export const apiToken = async (casebook: Casebook, type: 'read-only' | 'full-access', name = `test ${type} ${unique()}`): Promise<Principal> => {
  const token = (await casebook.strapi.service('admin::api-token').create({ name, type, lifespan: null, description: '' })) as { accessKey: string };
  return principal(casebook, `API token (${type})`, token.accessKey);
};

/** A new admin role that holds no permission at all (roles created after the first start get none by default). */
export const createRole = async (casebook: Casebook, name = `No permissions ${unique()}`): Promise<AdminRole> => {
  const role = (await casebook.strapi.service('admin::role').create({ name, description: 'created by a test' })) as AdminRole;
  return { id: role.id, code: role.code, name: role.name };
};

/** One of Strapi's default roles by its code. */
export const findRole = async (casebook: Casebook, code: AdminRoleCode): Promise<AdminRole> => {
  const role = (await casebook.strapi.db.query('admin::role').findOne({ where: { code } })) as AdminRole | null;
  if (!role) throw new Error(`No admin role ${code} (${ROLE_NAMES[code]})`);
  return { id: role.id, code: role.code, name: role.name };
};

/** Signs in over HTTP (`POST /admin/login`) as an existing admin user and returns the session as a principal. */
export const logIn = async (
  casebook: Casebook,
  user: { email: string; password: string },
  name = user.email,
): Promise<Principal> => {
  const response = await casebook.http().post('/admin/login').send({ email: user.email, password: user.password });
  const token: unknown = response.body?.data?.token;
  if (response.status !== 200 || typeof token !== 'string') {
    throw new Error(`POST /admin/login as ${user.email} answered ${response.status}: ${JSON.stringify(response.body).slice(0, 300)}`);
  }
  return principal(casebook, name, token);
};

/**
 * Creates an active admin user with one role (a default role's code, or a role from `createRole`) and signs
 * in as that user over HTTP, so that every request goes through Strapi's admin authentication and the role's
 * permissions as a browser session would.
 */
export const signInAs = async (
  casebook: Casebook,
  role: AdminRoleCode | AdminRole,
  options: { email?: string; password?: string; name?: string } = {},
): Promise<AdminPrincipal> => {
  const resolved = typeof role === 'string' ? await findRole(casebook, role) : role;
  const email = options.email ?? `${resolved.code.replace(/[^a-z0-9-]/gi, '-')}-${unique()}@example.com`.toLowerCase();
  const password = options.password ?? ADMIN_PASSWORD;
  const user = (await casebook.strapi.service('admin::user').create({
    email,
    password,
    firstname: 'Test',
    lastname: resolved.name,
    isActive: true,
    registrationToken: null,
    roles: [resolved.id],
  })) as { id: number; email: string };
  const session = await logIn(casebook, { email, password }, options.name ?? resolved.name);
  return { ...session, user: { id: user.id, email: user.email }, role: resolved, password };
};

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter += 1)}`;
