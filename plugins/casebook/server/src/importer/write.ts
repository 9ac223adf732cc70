import type { Core, Data, Modules } from '@strapi/strapi';
import type { Knex } from 'knex';
import { detachParts } from '../case-parts';
import { CASE_PARTS, UID } from '../constants';
import { editedFields, nextWritten, previousImport, currentContent, withoutRejected, type CaseLedger, type ContentField, type Ledger, type UnsureItem } from '../review';
import { joinTableOf } from '../database';
import { HOSPITAL_CATEGORY, HOSPITAL_LEVEL, type Province } from '../closed-sets';
import { describeHospital } from './hospitals';
import { REVISION_SIMILARITY, textSimilarity } from './identity';
import { provinceKey } from './regions';
import { resolveHospital, type KnownHospital } from './resolve';
import { ImportError, isLowConfidence, type ExtractedCampaign, type ExtractedCase, type ExtractedDocument, type ExtractedHospital } from './types';
import type { ExtractionSummary } from './worker';

export type ImportStatus = 'created' | 'updated' | 'unchanged' | 'failed';

export type ImportReport = {
  file: string;
  status: ImportStatus;
  sha256: string | null;
  cases: { created: number; updated: number };
  hospitals: { created: number; matched: number };
  initiatives: number;
  metrics: number;
  mentions: string[];
  /**
   * Cases written without an owner, since the document names it only partially and nobody picked one (the CLI
   * and the seed step): drafts with no hospital, never published, whatever `publish` says, until an editor sets one.
   */
  unresolvedOwners: Array<{ documentId: string; title: string; hint: string | null }>;
  /**
   * Cases of a re-import whose draft an editor had changed since the previous import: the fields kept as the editor
   * left them (not overwritten by the new extraction), and the items an editor had rejected, left out again.
   */
  kept: Array<{ documentId: string; title: string; fields: ContentField[]; rejected: number }>;
  /** Every case written, in the document's order: the import page links each to its draft. */
  written: Array<{ documentId: string; title: string; action: 'created' | 'updated' }>;
  /** The campaign the document is a page of, which its new cases were put in: found by its name, or created. */
  campaign?: { documentId: string; name: string; created: boolean };
  error?: string;
  /** Why the document was refused, when it was (an ImportError's code), or 'database' when writing it failed. */
  code?: ImportError['code'] | 'database';
};

export type ImportOptions = {
  /** Publish the cases written; a case without an owner stays a draft all the same (see `unresolvedOwners`). */
  publish?: boolean;
  dryRun?: boolean;
  /** The extraction as an editor corrected it in the admin (items dropped, names fixed); the file's own otherwise. */
  document?: ExtractedDocument;
  /**
   * The editor's choice of what the document is a new version of: a case's documentId, or a source document's (its cases).
   * Without it, a case is a new version only of a case whose source text it recognisably is (see importer/identity).
   */
  replace?: string;
};

/** The report of a document nothing was written of. */
export const emptyReport = (file: string): ImportReport => ({
  file,
  status: 'failed',
  sha256: null,
  cases: { created: 0, updated: 0 },
  hospitals: { created: 0, matched: 0 },
  initiatives: 0,
  metrics: 0,
  mentions: [],
  unresolvedOwners: [],
  kept: [],
  written: [],
});

class DryRunRollback extends Error {}

type PartUID = (typeof CASE_PARTS)[number];
type CaseInput = Modules.Documents.Params.Data.Input<typeof UID.case>;
type ThemeRef = Pick<Data.ContentType<typeof UID.theme>, 'id' | 'documentId'>;
/** An existing case an imported one becomes the new draft of. */
type Revised = { documentId: Data.DocumentID; title: string };
/** A case the editor chose to replace, with its hospital's documentId. */
type Target = Revised & { hospital: string | null };

/** What one document's write shares: the database, its transaction, its report and the themes met so far. */
type DocumentWrite = {
  strapi: Core.Strapi;
  trx: Knex.Transaction;
  report: ImportReport;
  themes: Map<string, ThemeRef>;
  /** Per case written, what the review needs of this import: stored in the source document's report (see review/ledger). */
  ledger: Ledger;
};

const validDate = (date: string | null) => (date && !Number.isNaN(Date.parse(date)) ? date : null);

/** Every existing hospital, as the resolver sees it. */
export const knownHospitals = async (strapi: Core.Strapi): Promise<KnownHospital[]> => {
  const rows: Array<{ documentId: Data.DocumentID; name: string; aliases: unknown }> = await strapi.db.query(UID.hospital).findMany({ select: ['documentId', 'name', 'aliases'] });
  return rows.map((row) => ({ documentId: row.documentId, name: row.name, aliases: Array.isArray(row.aliases) ? (row.aliases as string[]) : [] }));
};

type HospitalPlace = { province?: Province; city?: string };

/**
 * What the import knows of an existing hospital's place that the hospital lacks: an empty province or city is
 * filled, an editor's value never overwritten, and a city is given only in the province the hospital has.
 */
const missingPlace = async (strapi: Core.Strapi, documentId: string, hospital: ExtractedHospital): Promise<HospitalPlace> => {
  const province = provinceKey(hospital.province);
  if (!province) return {};
  const stored: { province: Province | null; city: string | null } | null = await strapi.db.query(UID.hospital).findOne({ select: ['province', 'city'], where: { documentId } });
  if (!stored) return {};
  const place: HospitalPlace = {};
  if (!stored.province) place.province = province;
  if (hospital.city && !stored.city && (stored.province ?? province) === province) place.city = hospital.city;
  return place;
};

/** The hospital's documentId: an existing one the name resolves to (given any new aliases and a missing place), or a new one. */
const ensureHospital = async ({ strapi, report }: DocumentWrite, hospital: ExtractedHospital, known: KnownHospital[]): Promise<string> => {
  const existing = resolveHospital(hospital.name, known);
  if (existing) {
    report.hospitals.matched += 1;
    const aliases = [...new Set([...existing.aliases, ...hospital.aliases, ...(existing.name !== hospital.name ? [hospital.name] : [])])];
    const data = { ...(aliases.length !== existing.aliases.length ? { aliases } : {}), ...(await missingPlace(strapi, existing.documentId, hospital)) };
    if (Object.keys(data).length > 0) {
      await strapi.documents(UID.hospital).update({ documentId: existing.documentId, data });
      existing.aliases = aliases;
    }
    return existing.documentId;
  }
  const created = await strapi.documents(UID.hospital).create({
    data: {
      name: hospital.name,
      aliases: hospital.aliases,
      province: provinceKey(hospital.province),
      city: hospital.city ?? undefined,
      category: hospital.category ? HOSPITAL_CATEGORY.keyOfLabel(hospital.category) : undefined,
      level: hospital.level ? HOSPITAL_LEVEL.keyOfLabel(hospital.level) : undefined,
    },
  });
  known.push({ documentId: created.documentId, name: hospital.name, aliases: hospital.aliases });
  report.hospitals.created += 1;
  return created.documentId;
};

/** A theme by name, found or created once per document. */
const theme = async ({ strapi, themes }: DocumentWrite, name: string): Promise<ThemeRef> => {
  let found = themes.get(name);
  if (!found) {
    const existing: ThemeRef | null = await strapi.db.query(UID.theme).findOne({ select: ['id', 'documentId'], where: { name } });
    found = existing ?? (await strapi.documents(UID.theme).create({ data: { name } }));
    themes.set(name, found);
  }
  return found;
};

/**
 * Themes one after another, never in parallel: the document's transaction runs on one connection (pg queues
 * concurrent queries on a client, deprecated, and pg 9 refuses them), and a new name met twice at once would be
 * created twice.
 */
const themeIds = async (write: DocumentWrite, names: string[]) => {
  const ids: string[] = [];
  for (const name of names) ids.push((await theme(write, name)).documentId);
  return ids;
};

/** Link rows [owner id, target id] of a relation, in one statement on the document's transaction. */
const link = async ({ strapi, trx }: DocumentWrite, uid: string, attribute: string, pairs: Array<[Data.ID, Data.ID]>) => {
  if (pairs.length === 0) return;
  const table = joinTableOf(strapi, uid, attribute);
  await strapi.db
    .getConnection(table.name)
    .transacting(trx)
    .insert(
      pairs.map(([owner, target], index) => ({
        [table.joinColumn.name]: owner,
        [table.inverseJoinColumn.name]: target,
        ...(table.inverseOrderColumnName ? { [table.inverseOrderColumnName]: index + 1 } : {}),
      })),
    );
};

/**
 * A case's initiatives or metrics, drafts inserted in one statement and linked to the case's draft row in another:
 * the document service would spend a dozen queries per row (locale, validation, reloads) on rows this stage
 * has already checked. Publishing the case gives its published row published copies (see case-parts).
 */
const insertParts = async (write: DocumentWrite, uid: PartUID, rows: Array<Record<string, unknown>>, caseRowId: Data.ID): Promise<Data.ID[]> => {
  if (rows.length === 0) return [];
  const { ids } = await write.strapi.db.query(uid).createMany({ data: rows.map((row) => ({ ...row, publishedAt: null })) });
  if (ids.length !== rows.length) throw new Error(`inserted ${rows.length} rows into ${uid} but got ${ids.length} ids back`);
  await link(write, uid, 'case', ids.map((id): [Data.ID, Data.ID] => [id, caseRowId]));
  return ids;
};

/** The drafts of a hospital's imported cases, each with the stretch of source text it was extracted from. */
const importedCasesOf = async (strapi: Core.Strapi, hospitalId: string): Promise<Array<Revised & { text: string }>> => {
  const rows: Array<Revised & { sourceStart: number | null; sourceEnd: number | null; sourceDocument: { originalText: string } | null }> = await strapi.db
    .query(UID.case)
    .findMany({
      select: ['documentId', 'title', 'sourceStart', 'sourceEnd'],
      where: { publishedAt: null, hospital: { documentId: hospitalId } },
      populate: { sourceDocument: { select: ['originalText'] } },
    });
  return rows.flatMap(({ documentId, title, sourceStart, sourceEnd, sourceDocument }) =>
    sourceDocument ? [{ documentId, title, text: sourceDocument.originalText.slice(sourceStart ?? 0, sourceEnd ?? undefined) }] : [],
  );
};

/**
 * The case imported before that `extracted` is a new version of: of the same hospital, its source text
 * recognisably the same article (see importer/identity), the closest one not `taken` by another case.
 */
const revisionOf = async (strapi: Core.Strapi, extracted: ExtractedCase, original: string, hospitalId: string | null, taken: Set<string>): Promise<Revised | null> => {
  if (!hospitalId) return null;
  const text = original.slice(extracted.start, extracted.end);
  let best: { revised: Revised; similarity: number } | null = null;
  for (const candidate of await importedCasesOf(strapi, hospitalId)) {
    if (taken.has(candidate.documentId)) continue;
    const similarity = textSimilarity(text, candidate.text);
    if (similarity >= REVISION_SIMILARITY && (!best || similarity > best.similarity)) {
      best = { revised: { documentId: candidate.documentId, title: candidate.title }, similarity };
    }
  }
  return best?.revised ?? null;
};

/**
 * The cases an editor chose to replace: the case `documentId` names, or those imported from the source document it names.
 * @throws ImportError when it names neither.
 */
const replaceTargets = async (strapi: Core.Strapi, documentId: string): Promise<Target[]> => {
  const draftsWhere = async (where: Record<string, unknown>): Promise<Target[]> => {
    const rows: Array<Revised & { hospital: { documentId: string } | null }> = await strapi.db.query(UID.case).findMany({
      select: ['documentId', 'title'],
      where: { ...where, publishedAt: null },
      populate: { hospital: { select: ['documentId'] } },
    });
    return rows.map((row) => ({ documentId: row.documentId, title: row.title, hospital: row.hospital?.documentId ?? null }));
  };
  const cases = await draftsWhere({ documentId });
  if (cases.length > 0) return cases;
  const source = await strapi.db.query(UID.sourceDocument).findOne({ select: ['id'], where: { documentId } });
  if (!source) throw new ImportError(`no case or source document has documentId ${documentId}`, 'replace');
  const versions: Array<Pick<Revised, 'documentId'>> = await strapi.db.query(UID.case).findMany({ select: ['documentId'], where: { sourceDocument: { documentId } } });
  return draftsWhere({ documentId: { $in: [...new Set(versions.map((version) => version.documentId))] } });
};

type CaseWrite = DocumentWrite & {
  extracted: ExtractedCase;
  hospitalId: string | null;
  sourceDocumentId: string;
  /** The case this one becomes the new draft of; null for a new case. */
  revised: Revised | null;
  publish: boolean;
  /** The campaign the document's page belongs to, if any (documentId). */
  campaignId: string | null;
};

/**
 * The campaign of a campaign's page: the one of that name, or a new one in the stage the page shows. An existing
 * campaign is left as its editors set it (its stage included): a page saved long ago says nothing of today.
 */
const ensureCampaign = async ({ strapi, report }: DocumentWrite, campaign: ExtractedCampaign): Promise<string> => {
  const name = campaign.name.slice(0, 160);
  const found: { documentId: string } | null = await strapi.db.query(UID.campaign).findOne({ select: ['documentId'], where: { name } });
  const documentId =
    found?.documentId ??
    (
      await strapi.documents(UID.campaign).create({
        data: { name, organiser: campaign.organiser?.slice(0, 120) ?? undefined, year: campaign.year ?? undefined, stage: campaign.stage },
      })
    ).documentId;
  report.campaign = { documentId, name, created: !found };
  return documentId;
};

/** What the importer was unsure of in a case (scored below LOW_CONFIDENCE), for the review queue. */
const unsureOf = (extracted: ExtractedCase): UnsureItem[] => {
  const items: UnsureItem[] = [];
  const add = (kind: UnsureItem['kind'], text: string, confidence: { rule: string; score: number } | undefined) => {
    if (confidence && isLowConfidence(confidence)) items.push({ kind, text, rule: confidence.rule, score: confidence.score });
  };
  // The editor's corrected extraction may come without confidences (the admin sends what it was given).
  add('case', extracted.title, extracted.confidence?.case);
  add('owner', extracted.hospital ?? extracted.owner?.hint ?? '', extracted.confidence?.owner);
  add('title', extracted.title, extracted.confidence?.title);
  for (const initiative of extracted.initiatives) add('initiative', initiative.name, initiative.confidence);
  for (const metric of extracted.metrics) add('metric', metric.text || metric.label, metric.confidence);
  return items;
};

/** Writes one case's draft, a new one or a new version of `revised`, and returns its documentId. */
const writeCase = async ({ extracted: found, hospitalId: foundHospital, sourceDocumentId, revised, publish, campaignId, ...write }: CaseWrite): Promise<string> => {
  const { strapi, report } = write;
  // A new version of a case: what editors rejected stays out, what they changed since the last import stays theirs.
  const previous = revised ? await previousImport(strapi, revised.documentId) : null;
  const rejected = previous?.ledger?.rejected ?? [];
  const extracted = withoutRejected(found, rejected);
  const hospitalId = extracted.hospital === null && found.hospital !== null ? null : foundHospital;
  const edited = previous ? editedFields(previous.ledger?.written, previous.current) : [];
  const data: CaseInput = {
    title: extracted.title.slice(0, 200),
    hospital: hospitalId,
    summary: extracted.summary,
    body: extracted.body,
    people: extracted.people.map((person) => ({ name: person.name.slice(0, 40), role: person.role?.slice(0, 80) ?? undefined, unit: person.unit?.slice(0, 120) ?? undefined })),
    source: {
      publication: extracted.source.publication ?? undefined,
      column: extracted.source.column ?? undefined,
      issue: extracted.source.issue ?? undefined,
      date: validDate(extracted.source.date) ?? undefined,
      url: extracted.source.url ?? undefined,
      readCount: extracted.source.readCount ?? undefined,
    },
    themes: await themeIds(write, extracted.themes),
    award: extracted.award?.slice(0, 120) || undefined,
    sourceDocument: sourceDocumentId,
    sourceStart: extracted.start,
    sourceEnd: extracted.end,
    // A new case only: a new version keeps the campaign an editor put the case in (or took it out of).
    ...(campaignId && !revised ? { campaign: campaignId } : {}),
  };
  // A new version is a new text to review.
  Object.assign(data, { reviewedAt: null, reviewedBy: null });
  for (const field of edited) if (field !== 'initiatives' && field !== 'metrics') delete (data as Record<string, unknown>)[field];
  let caseId: string;
  if (revised) {
    // The draft only: the published version, its parts and the source document its offsets point into stay until an editor publishes.
    await strapi.documents(UID.case).update({ documentId: revised.documentId, data });
    caseId = revised.documentId;
    report.cases.updated += 1;
  } else {
    caseId = (await strapi.documents(UID.case).create({ data })).documentId;
    report.cases.created += 1;
  }
  const draftRow: { id: number } = await strapi.db.query(UID.case).findOne({ select: ['id'], where: { documentId: caseId, publishedAt: null } });
  const keepInitiatives = edited.includes('initiatives');
  const keepMetrics = edited.includes('metrics');
  if (revised) await detachParts(strapi, draftRow.id, write.trx, CASE_PARTS.filter((uid) => (uid === UID.initiative ? !keepInitiatives : !keepMetrics)));
  const initiatives = keepInitiatives ? [] : extracted.initiatives;
  const metrics = keepMetrics ? [] : extracted.metrics;
  const initiativeIds = await insertParts(
    write,
    UID.initiative,
    initiatives.map((initiative, order) => ({ name: initiative.name.slice(0, 200), summary: initiative.summary, order })),
    draftRow.id,
  );
  const themed: Array<[Data.ID, Data.ID]> = [];
  for (const [index, initiative] of initiatives.entries()) {
    if (initiative.theme) themed.push([initiativeIds[index]!, (await theme(write, initiative.theme)).id]);
  }
  await link(write, UID.initiative, 'theme', themed);
  await insertParts(
    write,
    UID.metric,
    metrics.map((metric, order) => ({
      label: metric.label.slice(0, 200) || metric.text.slice(0, 200),
      value: metric.value,
      unit: metric.unit?.slice(0, 20) ?? null,
      qualifier: metric.qualifier,
      kind: metric.kind,
      period: metric.period?.slice(0, 80) ?? null,
      quote: metric.text,
      sourceStart: metric.start,
      sourceEnd: metric.end,
      order,
    })),
    draftRow.id,
  );
  report.initiatives += initiatives.length;
  report.metrics += metrics.length;
  if (revised && (edited.length > 0 || rejected.length > 0)) report.kept.push({ documentId: caseId, title: revised.title, fields: edited, rejected: rejected.length });
  const ledger: CaseLedger = {
    unsure: unsureOf(extracted),
    rejected,
    written: nextWritten(previous?.ledger?.written, await currentContent(strapi, caseId), edited),
    owner: extracted.hospital === null ? { hint: extracted.owner?.hint ?? null, candidates: extracted.owner?.candidates ?? [] } : null,
  };
  write.ledger[caseId] = ledger;
  // A case without an owner stays a draft: published, it would show on the public site under no hospital.
  if (publish && hospitalId !== null) await strapi.documents(UID.case).publish({ documentId: caseId });
  return caseId;
};

/** Writes one document's extraction on the write's transaction, filling its report. */
const writeExtraction = async (context: DocumentWrite, file: string, extraction: ExtractionSummary, options: ImportOptions) => {
  const { strapi, report } = context;
  const filename = file.split(/[\\/]/).pop()!;
  const same = await strapi.db.query(UID.sourceDocument).findOne({ select: ['id'], where: { sha256: extraction.sha256 } });
  if (same) {
    report.status = 'unchanged';
    return;
  }
  const targets = options.replace ? await replaceTargets(strapi, options.replace) : null;

  const { decoded } = extraction;
  const document = options.document ?? extraction.document;
  // A record per version of a document, never rewritten: each version of a case points into the text it came from.
  // The record has no relations of its own to maintain: the database layer writes it in one statement.
  const source: { id: number; documentId: string } = await strapi.db.query(UID.sourceDocument).create({
    data: {
      filename,
      sha256: extraction.sha256,
      encoding: decoded.encoding,
      byteLength: decoded.byteLength,
      originalText: decoded.original,
      importStatus: 'imported',
      publishedAt: new Date(),
    },
    select: ['id', 'documentId'],
  });

  const known = await knownHospitals(strapi);
  const hospitalIds = new Map<string, string>();
  for (const hospital of document.hospitals.filter((candidate) => candidate.role === 'case_owner')) {
    hospitalIds.set(hospital.name, await ensureHospital(context, hospital, known));
  }
  report.mentions = document.hospitals.filter((hospital) => hospital.role === 'mentioned').map((hospital) => hospital.name);
  // The correction from the admin may leave the campaign out: then it is the file's.
  const campaign = document.campaign !== undefined ? document.campaign : extraction.document.campaign;
  const campaignId = campaign ? await ensureCampaign(context, campaign) : null;
  // Cases this import wrote: no other case of the document may become a version of one of them.
  const written = new Set<string>();
  for (const extracted of document.cases) {
    // An owner the document does not name in full stays unset: the draft waits for an editor to pick it.
    if (extracted.hospital !== null && !hospitalIds.has(extracted.hospital)) {
      hospitalIds.set(extracted.hospital, await ensureHospital(context, describeHospital(extracted.hospital, 'case_owner', extracted.body), known));
    }
    const hospitalId = extracted.hospital === null ? null : hospitalIds.get(extracted.hospital)!;
    // The editor's choice first: a single case replaces the single case chosen, whatever its hospital; otherwise each case the chosen one of its hospital.
    const chosen = targets
      ? ((targets.length === 1 && document.cases.length === 1 ? targets[0] : targets.find((target) => target.hospital === hospitalId && !written.has(target.documentId))) ?? null)
      : null;
    const revised = chosen ?? (await revisionOf(strapi, extracted, decoded.original, hospitalId, written));
    const caseId = await writeCase({ ...context, extracted, hospitalId, sourceDocumentId: source.documentId, revised, publish: options.publish ?? false, campaignId });
    written.add(caseId);
    report.written.push({ documentId: caseId, title: extracted.title, action: revised ? 'updated' : 'created' });
    if (hospitalId === null) report.unresolvedOwners.push({ documentId: caseId, title: extracted.title, hint: extracted.owner.hint });
  }
  if (targets && !targets.some((target) => written.has(target.documentId))) {
    throw new ImportError(`${options.replace} names no case of this document's hospitals (${[...hospitalIds.keys()].join('、')}): nothing was replaced`, 'replace');
  }
  report.status = report.cases.updated > 0 ? 'updated' : 'created';
  await strapi.db.query(UID.sourceDocument).update({
    where: { id: source.id },
    data: { importStatus: report.status === 'updated' ? 'updated' : 'imported', report: { ...report, file: filename, ledger: context.ledger } },
    select: ['id'],
  });
};

/**
 * The write stage: one transaction per document; never throws for bad input: the report says what failed and
 * nothing is written. A document whose normalised text was imported before is "unchanged" and writes nothing.
 * A case that is a new version of one imported before (its source text recognisably the same article, or the
 * editor's explicit `replace`) becomes that case's new draft, beside a new source-document record: what is
 * published, and the source its offsets point into, changes only when an editor publishes. Anything else
 * creates drafts (or published cases with `publish`, but for a case without an owner, which stays a draft and
 * is listed in the report's `unresolvedOwners`). A file name is no identity.
 */
export const writeDocument = async (strapi: Core.Strapi, file: string, extraction: ExtractionSummary, options: ImportOptions = {}): Promise<ImportReport> => {
  const report: ImportReport = { ...emptyReport(file), sha256: extraction.sha256 };
  try {
    await strapi.db.transaction(async ({ trx }) => {
      await writeExtraction({ strapi, trx, report, themes: new Map(), ledger: {} }, file, extraction, options);
      if (options.dryRun) throw new DryRunRollback();
    });
  } catch (error) {
    if (error instanceof DryRunRollback) return report;
    if (error instanceof ImportError) return { ...emptyReport(file), sha256: report.sha256, error: error.message, code: error.code };
    return { ...emptyReport(file), sha256: report.sha256, error: `nothing was written: ${error instanceof Error ? error.message : String(error)}`, code: 'database' };
  }
  return report;
};

/** What writing a document would do, written nowhere: whether it was imported before, and the case each of its cases would become the new draft of. */
export type WritePlan = { imported: boolean; revisions: Array<Revised | null> };

/** The plan `writeDocument` would follow for `extraction` without an editor's `replace`, for the admin to show before an import. */
export const planWrite = async (strapi: Core.Strapi, { decoded, sha256, document }: ExtractionSummary): Promise<WritePlan> => {
  const imported = Boolean(await strapi.db.query(UID.sourceDocument).findOne({ select: ['id'], where: { sha256 } }));
  const known = imported ? [] : await knownHospitals(strapi);
  const taken = new Set<string>();
  const revisions: Array<Revised | null> = [];
  for (const extracted of document.cases) {
    const revised = imported ? null : await revisionOf(strapi, extracted, decoded.original, (extracted.hospital === null ? null : (resolveHospital(extracted.hospital, known)?.documentId ?? null)), taken);
    if (revised) taken.add(revised.documentId);
    revisions.push(revised);
  }
  return { imported, revisions };
};
