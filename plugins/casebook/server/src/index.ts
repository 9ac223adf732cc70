import type { Core } from '@strapi/strapi';
import bootstrap from './bootstrap';
import config from './config';
import contentTypes from './content-types';
import { unlockStartup } from './database/startup-lock';
import controllers from './controllers';
import middlewares from './middlewares';
import policies from './policies';
import register from './register';
import routes from './routes';
import services from './services';
import { getService } from './utils';

export default {
  register,
  bootstrap,
  async destroy({ strapi }: { strapi: Core.Strapi }) {
    await getService(strapi, 'engagement').stop();
    await getService(strapi, 'importer').stop();
    await getService(strapi, 'public-access').stop();
    // A start that failed before it completed still holds the startup lock.
    await unlockStartup(strapi);
  },
  config,
  contentTypes,
  controllers,
  middlewares,
  policies,
  routes,
  services,
};
