import type { Struct } from '@strapi/strapi';
import { SOURCE_DOCUMENT_STATUS } from '../../closed-sets';

/** One imported file: the original text kept for provenance, and the hash that makes re-imports idempotent. */
export default {
  kind: 'collectionType',
  collectionName: 'casebook_source_documents',
  info: {
    singularName: 'source-document',
    pluralName: 'source-documents',
    displayName: '来源文档 Source document',
    description: 'An imported document: its original text, encoding, content hash and import report',
  },
  options: {
    draftAndPublish: false,
  },
  pluginOptions: {
    'content-manager': { visible: true },
    'content-type-builder': { visible: false },
  },
  attributes: {
    filename: { type: 'string', required: true, maxLength: 255 },
    sha256: { type: 'string', required: true, unique: true, minLength: 64, maxLength: 64 },
    encoding: { type: 'string', required: true, maxLength: 20 },
    byteLength: { type: 'integer', min: 0 },
    originalText: { type: 'text', required: true },
    // Not `status`: Strapi 5 keeps that name for a document's draft/published state, and the Content Manager showed
    // this field as "Published" in the list and as empty in the edit view.
    importStatus: {
      type: 'enumeration',
      enum: [...SOURCE_DOCUMENT_STATUS.keys],
      default: 'imported',
      required: true,
    },
    report: { type: 'json' },
    cases: { type: 'relation', relation: 'oneToMany', target: 'api::case.case', mappedBy: 'sourceDocument' },
  },
} satisfies Partial<Struct.CollectionTypeSchema>;
