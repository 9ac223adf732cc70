import type { Core } from '@strapi/strapi';
import bootstrap from './bootstrap';
import config from './config';
import contentTypes from './content-types';
import controllers from './controllers';
import middlewares from './middlewares';
import policies from './policies';
import register from './register';
import routes from './routes';
import services from './services';
import { unlockStartup } from './database';
import { engagementOf } from './engagement';
import { importerOf } from './importer';
import { publicAccessOf } from './public-access';

export default {
  register,
  bootstrap,
  async destroy({ strapi }: { strapi: Core.Strapi }) {
    await engagementOf(strapi).stop();
    await importerOf(strapi).stop();
    await publicAccessOf(strapi).stop();
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
