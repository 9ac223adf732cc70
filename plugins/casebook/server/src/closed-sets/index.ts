/**
 * Every closed set of Casebook, each declared once with its labels. Pure TypeScript without Strapi or node
 * imports: the admin bundle imports it too. Content-type schemas (JSON) are checked against it by a unit test.
 */
export { closedSet, type ClosedSet, type KeyOf, type Labels, type Language } from './closed-set';
export { CAMPAIGN_STAGE, campaignStageMoves, type CampaignStage } from './campaign-stage';
export { CASE_SORT, type CaseSort } from './case-sort';
export { HOSPITAL_CATEGORY, type HospitalCategory } from './hospital-category';
export { HOSPITAL_LEVEL, type HospitalLevel } from './hospital-level';
export { HOSPITAL_SORT, type HospitalSort } from './hospital-sort';
export { METRIC_KIND, type MetricKind } from './metric-kind';
export { METRIC_QUALIFIER, type MetricQualifier } from './metric-qualifier';
export { PROVINCE, type Province } from './province';
export { REVIEW_ITEM_KIND, type ReviewItemKind } from './review-item-kind';
export { SNIPPET_FIELD, type SnippetField } from './snippet-field';
export { SOURCE_DOCUMENT_STATUS, type SourceDocumentStatus } from './source-document-status';
export { VOTE_REFUSAL, type VoteRefusal } from './vote-refusal';
export { closedSetOfEnumeration } from './of-enumeration';
