import type { StrapiApp } from '@strapi/strapi/admin';
import { addCounterColumns } from './components/counter-columns';
import { PluginIcon } from './components/PluginIcon';
import { PERMISSIONS } from './permissions';
import { PLUGIN_ID } from './pluginId';

export default {
  register(app: StrapiApp) {
    // Each link shows for roles that hold its page's permission (Settings → Roles → Plugins → Casebook).
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: PluginIcon,
      permissions: PERMISSIONS.overview,
      intlLabel: { id: `${PLUGIN_ID}.plugin.name`, defaultMessage: '案例库 Casebook' },
      Component: () => import('./pages/OverviewPage').then((module) => ({ default: module.OverviewPage })),
    });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}/import`,
      icon: PluginIcon,
      permissions: PERMISSIONS.import,
      intlLabel: { id: `${PLUGIN_ID}.import.name`, defaultMessage: '导入文档' },
      Component: () => import('./pages/ImportPage').then((module) => ({ default: module.ImportPage })),
    });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}/voting`,
      icon: PluginIcon,
      permissions: PERMISSIONS.voting,
      intlLabel: { id: `${PLUGIN_ID}.voting.name`, defaultMessage: '投票中心' },
      Component: () => import('./pages/VotingPage').then((module) => ({ default: module.VotingPage })),
    });
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
  },

  bootstrap(app: StrapiApp) {
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', addCounterColumns);
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = await import(`./translations/${locale}.json`);
          return { data: Object.fromEntries(Object.entries(data).map(([key, value]) => [`${PLUGIN_ID}.${key}`, value])), locale };
        } catch {
          return { data: {}, locale };
        }
      }),
    );
  },
};
