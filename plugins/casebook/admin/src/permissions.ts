/** A permission as Strapi's admin checks it: an action, on a content type or on none. */
const permission = (action: string, subject: string | null = null) => ({ action, subject });

/**
 * What each menu link, page and button asks of the user's role: the permissions the plugin's admin routes
 * check (server/src/admin-permissions/actions.ts; a unit test there keeps the two equal, and the admin bundle
 * is built from admin/src and server/src/closed-sets alone). A link or page is shown when the role holds any permission of its list.
 */
export const PERMISSIONS = {
  overview: [permission('plugin::casebook.overview.read')],
  import: [permission('plugin::casebook.import')],
  /** Writing the imported cases as drafts, and publishing them: the Content Manager's own permissions on cases. */
  importWrites: [permission('plugin::content-manager.explorer.create', 'api::case.case'), permission('plugin::content-manager.explorer.publish', 'api::case.case')],
  review: [permission('plugin::casebook.review')],
  /** Publishing reviewed cases from the queue: the Content Manager's publish on cases. */
  reviewPublish: [permission('plugin::content-manager.explorer.publish', 'api::case.case')],
  voting: [permission('plugin::casebook.voting.read')],
  votingSwitch: [permission('plugin::casebook.voting.switch')],
  campaigns: [permission('plugin::casebook.campaigns')],
  votingExports: [permission('plugin::casebook.voting.export-ranking'), permission('plugin::casebook.voting.export-ballots')],
};
