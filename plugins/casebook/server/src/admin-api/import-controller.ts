import type { Core } from '@strapi/strapi';
import { errors, yup, validateYupSchema } from '@strapi/utils';
import type { Context } from 'koa';
import { CASE_PERMISSIONS, requirePermission } from '../admin-permissions';
import { METRIC_KIND, METRIC_QUALIFIER } from '../closed-sets';
import { ImportError, importerOf } from '../importer';

const upload = yup.object({
  filename: yup.string().trim().min(1).max(255).required(),
  content: yup.string().max(7 * 1024 * 1024).required(),
  /** "base64" for an uploaded file's bytes (any encoding), "text" for pasted text. */
  encoding: yup.mixed<'base64' | 'text'>().oneOf(['base64', 'text']).default('text'),
});

/**
 * The limits of the content types the corrections are written into (cms/src/api/*, cms/src/components/casebook/*):
 * a correction the database would cut short or refuse is refused here, before anything is written, with its path.
 */
const optionalText = (max: number) => yup.string().nullable().max(max);

/** A calendar day as the source component's date field stores it: 2023-04-12. */
const isCalendarDay = (value: string | null | undefined) =>
  value === null || value === undefined || (/^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value));

const metric = yup.object({
  label: yup.string().trim().min(1).max(200).required(),
  value: yup.number().required().test('finite', '${path} must be a finite number', (value) => value === undefined || Number.isFinite(value)),
  unit: optionalText(20),
  qualifier: yup.mixed().oneOf([...METRIC_QUALIFIER.keys]).required(),
  kind: yup.mixed().oneOf([...METRIC_KIND.keys]).required(),
  period: optionalText(80),
  // The quote and its offsets in the original are the importer's: an edited metric keeps them, so it still points into its source.
  text: yup.string().required(),
  start: yup.number().integer().min(0).required(),
  end: yup.number().integer().min(0).required(),
});

const person = yup.object({ name: yup.string().trim().min(1).max(40).required(), role: optionalText(80), unit: optionalText(120) });

const source = yup
  .object({
    publication: optionalText(80),
    column: optionalText(120),
    issue: optionalText(80),
    date: yup.string().nullable().test('date', '${path} must be a date written 2023-04-12', isCalendarDay),
    url: optionalText(500),
    readCount: yup.number().nullable().integer().min(0).max(2_147_483_647),
  })
  .required();

/** The extraction as the editor corrected it: the same shape the preview returned. */
const correctedDocument = yup.object({
  hospitals: yup.array().of(yup.object({ name: yup.string().required(), role: yup.string().required() })).required(),
  metrics: yup.array().of(metric).required(),
  cases: yup
    .array()
    .of(
      yup.object({
        title: yup.string().trim().min(1).max(200).required(),
        // Null as the preview sends it when the document names the owner only partially: the test below asks for one.
        hospital: yup.string().nullable().trim().max(120),
        summary: yup.string().default(''),
        body: yup.string().default(''),
        themes: yup.array().of(yup.string().trim().min(1).max(40).required()).default([]),
        people: yup.array().of(person).default([]),
        source,
        award: optionalText(120),
        initiatives: yup
          .array()
          .of(yup.object({ name: yup.string().trim().min(1).max(200).required(), summary: yup.string().default(''), theme: yup.string().nullable().trim().max(40) }))
          .default([]),
        metrics: yup.array().of(metric).default([]),
        start: yup.number().integer().min(0).required(),
        end: yup.number().integer().min(0).required(),
      }),
    )
    .min(1, 'keep at least one case')
    .required()
    // The import page keeps its button disabled until every kept case has an owner; a request without one is told which.
    .test('owners', 'every kept case needs an owner hospital', (cases, context) => {
      const ownerless = (cases ?? []).filter((found) => (found?.hospital?.trim().length ?? 0) < 2);
      if (ownerless.length === 0) return true;
      const titles = ownerless.map((found) => `《${found?.title ?? ''}》`).join('、');
      return context.createError({ message: `未确定归属医院: ${titles}。请为每个保留的案例选择候选医院或填写医院全称 (every kept case needs an owner hospital)` });
    }),
});

const confirmation = upload.shape({
  publish: yup.boolean().default(false),
  document: correctedDocument.required(),
  /** The documentId of the case (or source document) the editor chose this document to be a new version of. */
  replace: yup.string().trim().min(1).max(64),
});

/** The corrections checked: a refusal names every bad field (yup says only "3 errors occurred"), for the import page to show as it is. */
const validateConfirmation = async (body: unknown) => {
  try {
    return await validateYupSchema(confirmation)(body);
  } catch (error) {
    if (!(error instanceof errors.ValidationError)) throw error;
    const found = (error.details as { errors?: Array<{ message: string }> }).errors;
    if (!found || found.length < 2) throw error;
    throw new errors.ValidationError([...new Set(found.map((each) => each.message))].join('; '), error.details);
  }
};

const bytesOf = (body: { content: string; encoding: 'base64' | 'text' }) =>
  body.encoding === 'base64' ? Buffer.from(body.content, 'base64') : Buffer.from(body.content, 'utf8');

/** The admin's 导入文档 page: preview a document's extraction, import it as corrected, list what was imported. */
const importController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async preview(ctx: Context) {
    const body = await validateYupSchema(upload)(ctx.request.body);
    try {
      ctx.body = { data: await importerOf(strapi).preview(body.filename, bytesOf(body)) };
    } catch (error) {
      if (error instanceof ImportError) throw new errors.ValidationError(error.message, { code: error.code });
      throw error;
    }
  },

  async confirm(ctx: Context) {
    const body = await validateConfirmation(ctx.request.body);
    // The route needs create on cases; publishing them needs what publishing in the Content Manager needs.
    if (body.publish) requirePermission(ctx, CASE_PERMISSIONS.publish, 'Publishing on import needs the Content Manager publish permission on cases');
    const report = await importerOf(strapi).importDocument(body.filename, bytesOf(body), {
      publish: body.publish,
      document: body.document as never,
      replace: body.replace,
    });
    if (report.status === 'failed') throw new errors.ValidationError(report.error ?? 'the import failed', { code: report.code, report });
    ctx.body = { data: report };
  },

  async list(ctx: Context) {
    ctx.body = { data: await importerOf(strapi).list() };
  },
});

export default importController;
