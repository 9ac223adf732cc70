import { ChartPie, SealCheck, ThumbUp, Upload } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import type { ComponentType } from 'react';
import { ClosedSetInput } from './components/ClosedSetInput';
import { labelClosedSetColumns } from './components/closed-set-columns';
import { CaseListFilters } from './components/CaseListFilters';
import { addCounterColumns } from './components/counter-columns';
import { SourcePanel } from './components/SourcePanel';
import { PERMISSIONS } from './permissions';
import { NAME_LIST_FIELD, PLUGIN_ID } from './pluginId';

export default {
  register(app: StrapiApp) {
    // Each link shows for roles that hold its page's permission (Settings → Roles → Plugins → Casebook), each with
    // its own icon. Strapi's menu marks a link active while the address starts with its path: no path may be a
    // prefix of another (the overview at `plugins/casebook` was lit on the import and voting pages too).
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}/overview`,
      icon: ChartPie,
      permissions: PERMISSIONS.overview,
      intlLabel: { id: `${PLUGIN_ID}.plugin.name`, defaultMessage: '案例库 Casebook' },
      Component: () => import('./pages/OverviewPage').then((module) => ({ default: module.OverviewPage })),
    });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}/import`,
      icon: Upload,
      permissions: PERMISSIONS.import,
      intlLabel: { id: `${PLUGIN_ID}.import.name`, defaultMessage: '导入文档' },
      Component: () => import('./pages/ImportPage').then((module) => ({ default: module.ImportPage })),
    });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}/review`,
      icon: SealCheck,
      permissions: PERMISSIONS.review,
      intlLabel: { id: `${PLUGIN_ID}.review.name`, defaultMessage: '审核队列' },
      Component: () => import('./pages/ReviewPage').then((module) => ({ default: module.ReviewPage })),
    });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}/voting`,
      icon: ThumbUp,
      permissions: PERMISSIONS.voting,
      intlLabel: { id: `${PLUGIN_ID}.voting.name`, defaultMessage: '投票中心' },
      Component: () => import('./pages/VotingPage').then((module) => ({ default: module.VotingPage })),
    });
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
    // Hospital.aliases and any list of names: a text box per name, stored as the same JSON array of strings.
    app.customFields.register({
      name: NAME_LIST_FIELD,
      pluginId: PLUGIN_ID,
      type: 'json',
      intlLabel: { id: `${PLUGIN_ID}.nameList.label`, defaultMessage: '名称列表' },
      intlDescription: { id: `${PLUGIN_ID}.nameList.description`, defaultMessage: '一组名称（如医院的别名），每项一个' },
      components: { Input: () => import('./components/NameListInput').then((module) => ({ default: module.NameListInput as unknown as ComponentType })) },
    });
    // Every enumeration of the Content Manager's edit view: options by their closed set's labels, values unchanged.
    // (Strapi types an added field's component as taking no props; the Content Manager passes it the field's.)
    app.addFields({ type: 'enumeration', Component: ClosedSetInput as unknown as ComponentType });
  },

  bootstrap(app: StrapiApp) {
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', addCounterColumns);
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', labelClosedSetColumns);
    // Content types are code in this repository, changed through it: the edit view's "Edit the model" is no editor's tool.
    // (Strapi 5.54 lists it among the document actions, shown in the header's menu: not among the header actions.)
    const contentManager = app.getPlugin('content-manager') as unknown as {
      apis?: { addDocumentAction?: (edit: (actions: Array<{ type?: string }>) => Array<{ type?: string }>) => void; addEditViewSidePanel?: (panels: unknown[]) => void };
    };
    contentManager.apis?.addDocumentAction?.((actions) => actions.filter((action) => action.type !== 'edit-the-model'));
    // The Case edit view's source review (its panel shows on cases only, for roles that hold the review permission).
    contentManager.apis?.addEditViewSidePanel?.([SourcePanel]);
    // The case list's filter bar: province, theme, campaign and review state, as URL filters.
    app.getPlugin('content-manager').injectComponent('listView', 'actions', { name: `${PLUGIN_ID}-case-filters`, Component: CaseListFilters });
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
