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

const metric = yup.object({
  label: yup.string().max(200).required(),
  value: yup.number().required(),
  unit: yup.string().nullable().max(20),
  qualifier: yup.mixed().oneOf([...METRIC_QUALIFIER.keys]).required(),
  kind: yup.mixed().oneOf([...METRIC_KIND.keys]).required(),
  period: yup.string().nullable().max(80),
  text: yup.string().required(),
  start: yup.number().integer().min(0).required(),
  end: yup.number().integer().min(0).required(),
});

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
        themes: yup.array().of(yup.string().max(40)).default([]),
        people: yup.array().of(yup.object({ name: yup.string().max(40).required(), role: yup.string().nullable() })).default([]),
        source: yup.object().required(),
        initiatives: yup.array().of(yup.object({ name: yup.string().max(200).required(), summary: yup.string().default(''), theme: yup.string().nullable() })).default([]),
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
    const body = await validateYupSchema(confirmation)(ctx.request.body);
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
