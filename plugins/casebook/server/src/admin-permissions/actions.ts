import { PLUGIN_ID, UID } from '../constants';

/**
 * The plugin's admin permissions, as Settings → Roles → Plugins → Casebook lists them, each with the admin
 * routes it opens. Display names are Chinese first: the editors who assign and hold them read Chinese.
 * The admin panel's menu links and pages ask for the same names (admin/src/permissions.ts, checked by a test).
 */
export const ADMIN_ACTIONS = {
  /** GET /overview */
  readOverview: { uid: 'overview.read', displayName: '查看概览 (View the overview)', subCategory: '概览' },
  /** POST /import/preview, POST /import, GET /source-documents; writing also needs the Content Manager's create on cases, publishing its publish. */
  import: { uid: 'import', displayName: '导入文档 (Import documents: preview, import, list)', subCategory: '导入文档' },
  /**
   * GET /review/queue, GET /review/cases/:documentId/source, POST …/rejections, POST …/reviewed; POST /review/publish
   * also needs the Content Manager's publish on cases.
   */
  review: { uid: 'review', displayName: '审核导入的案例 (Review imported cases against their source)', subCategory: '审核队列' },
  /** GET /campaigns, GET /campaigns/:campaign/ranking */
  readVoting: { uid: 'voting.read', displayName: '查看投票中心 (View the voting centre)', subCategory: '投票中心' },
  /** PUT /voting: opens or stops public voting (the Public role's vote permission). */
  switchVoting: { uid: 'voting.switch', displayName: '开放或暂停公众投票 (Open or stop public voting)', subCategory: '投票中心' },
  /** POST /campaigns, PUT /campaigns/:campaign, PUT /campaigns/:campaign/stage, POST and DELETE /campaigns/:campaign/cases, GET /campaign-cases. */
  campaigns: { uid: 'campaigns', displayName: '管理征集活动 (Run campaigns: create, edit, add cases, move stages)', subCategory: '投票中心' },
  /** GET /campaigns/:campaign/ranking.csv */
  exportRanking: { uid: 'voting.export-ranking', displayName: '导出排名 CSV (Export rankings)', subCategory: '投票中心' },
  /** GET /campaigns/:campaign/ballots.csv: every ballot with its voter key, a keyed hash of a visitor and address. */
  exportBallots: { uid: 'voting.export-ballots', displayName: '导出投票记录 CSV, 含投票人密钥 (Export ballots with voter keys)', subCategory: '投票中心' },
} as const;

export type AdminAction = keyof typeof ADMIN_ACTIONS;

/** A permission as Strapi's admin checks it: an action, on a subject (a content type) or on none. */
export type AdminPermission = { action: string; subject: string | null };

/** Each action's permission, e.g. `plugin::casebook.overview.read`, as routes and the admin panel ask for it. */
export const ADMIN_PERMISSIONS = Object.fromEntries(
  Object.entries(ADMIN_ACTIONS).map(([name, action]) => [name, { action: `plugin::${PLUGIN_ID}.${action.uid}`, subject: null }]),
) as { [Name in AdminAction]: AdminPermission };

/** The Content Manager's permissions on cases that the plugin's routes also ask for. */
export const CASE_PERMISSIONS = {
  read: { action: 'plugin::content-manager.explorer.read', subject: UID.case },
  create: { action: 'plugin::content-manager.explorer.create', subject: UID.case },
  publish: { action: 'plugin::content-manager.explorer.publish', subject: UID.case },
} as const satisfies Record<string, AdminPermission>;

/**
 * What Strapi's default roles receive, once per role and action (Super Admin holds every action anyway).
 * Authors import drafts; without the publish permission they cannot publish through the importer either.
 */
export const DEFAULT_GRANTS: Record<string, readonly AdminAction[]> = {
  'strapi-editor': ['readOverview', 'import', 'readVoting', 'switchVoting', 'exportRanking', 'exportBallots', 'review', 'campaigns'],
  // Authors review what they import; publishing it needs the Content Manager's publish on cases, which they lack.
  'strapi-author': ['readOverview', 'import', 'review'],
};
