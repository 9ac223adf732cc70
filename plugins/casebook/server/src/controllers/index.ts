import { campaignsController, caseListController, importController, overviewController, votingController } from '../admin-api';
import { engagementController, healthController } from '../content-api';
import { reviewController } from '../review';

/** The controllers the plugin's routes name: the public REST routes and the editors' admin routes. */
export default {
  campaigns: campaignsController,
  'case-list': caseListController,
  engagement: engagementController,
  health: healthController,
  import: importController,
  overview: overviewController,
  review: reviewController,
  voting: votingController,
};
