import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { healthOf } from '../operations';

/** GET /api/casebook/health: 200 while the instance can serve (ok or degraded), 503 when it cannot; never cached. */
const healthController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async check(ctx: Context) {
    const health = await healthOf(strapi).check();
    ctx.set('Cache-Control', 'no-store');
    ctx.status = health.status === 'down' ? 503 : 200;
    ctx.body = health;
  },
});

export default healthController;
