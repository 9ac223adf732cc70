import { closedSet, type KeyOf } from './closed-set';

/** What became of an imported file (SourceDocument.importStatus): its cases created, its cases' drafts updated, or nothing written. */
export const SOURCE_DOCUMENT_STATUS = closedSet({
  imported: { zh: '已导入', en: 'Imported' },
  updated: { zh: '已更新', en: 'Updated' },
  failed: { zh: '导入失败', en: 'Failed' },
});

export type SourceDocumentStatus = KeyOf<typeof SOURCE_DOCUMENT_STATUS>;
