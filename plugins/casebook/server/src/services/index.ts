import { campaignsService, caseListService, contentManagerLayoutService, overviewService, votingService } from '../admin-api';
import { engagementService } from '../engagement';
import { importerService } from '../importer';
import { adminUserService, healthService, startupService } from '../operations';
import { publicAccessService } from '../public-access';
import { reviewService } from '../review';
import { searchIndexService, showcaseService } from '../showcase';
import { slugService } from '../slugs';

/** The services the plugin gives Strapi, each from its wing (whose index exports a typed accessor of it). */
export default {
  'admin-user': adminUserService,
  campaigns: campaignsService,
  'case-list': caseListService,
  'content-manager-layout': contentManagerLayoutService,
  engagement: engagementService,
  health: healthService,
  importer: importerService,
  overview: overviewService,
  'public-access': publicAccessService,
  review: reviewService,
  'search-index': searchIndexService,
  showcase: showcaseService,
  slug: slugService,
  startup: startupService,
  voting: votingService,
};
