/** The editors' routes: the import page, the overview, the voting centre, the case list's columns, and the Content Manager's layouts. */
export { default as importController } from './import-controller';
export { default as overviewController } from './overview-controller';
export { default as votingController } from './voting-controller';
export { default as campaignsController } from './campaigns-controller';
export { default as overviewService, overviewOf, type Overview } from './overview';
export { default as votingService, votingOf, type Campaign, type Standing } from './voting';
export { default as campaignsService, campaignsOf, type CampaignCase, type CampaignInput } from './campaigns';
export { default as contentManagerLayoutService, contentManagerLayoutOf } from './content-manager-layout';
export { default as caseListController } from './case-list-controller';
export { default as caseListService, caseListOf, type CaseListFacts } from './case-list';
