/** A case's initiatives and metrics, which each version of the case links on its own. */
export { deleteUnlinked, detachPart, detachParts, partsLinkedTo, type PartIds } from './links';
export { casePartsMiddleware } from './document-middleware';
export { separateVersions } from './versions';
