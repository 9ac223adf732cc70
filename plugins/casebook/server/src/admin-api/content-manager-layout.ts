import type { Core, UID as StrapiUID } from '@strapi/strapi';
import { PLUGIN_ID, UID } from '../constants';
import { serviceAccessor } from '../plugin-services';

type Layout = {
  mainField: string;
  defaultSortBy: string;
  defaultSortOrder: 'ASC' | 'DESC';
  list: string[];
  labels: Record<string, string>;
  /** Hints under a field in the edit view, where its label alone does not say how it is used. */
  descriptions?: Record<string, string>;
};

/** What editors see in the Content Manager: Chinese labels and list columns that identify a row at a glance. */
export const LAYOUTS: Record<string, Layout> = {
  [UID.case]: {
    mainField: 'title',
    defaultSortBy: 'updatedAt',
    defaultSortOrder: 'DESC',
    // Province, review state, votes and views are columns the list-view hook adds (admin/src/components/counter-columns.tsx).
    list: ['title', 'hospital', 'updatedAt'],
    labels: {
      title: '标题', slug: '链接名 (拼音)', hospital: '医院', summary: '摘要', body: '正文', cover: '封面图', people: '人物',
      source: '来源', themes: '主题', campaign: '征集活动', award: '奖项', seoTitle: '搜索标题 (SEO)', seoDescription: '搜索描述 (SEO)',
      initiatives: '举措', metrics: '指标',
      sourceDocument: '来源文档', sourceStart: '原文起点', sourceEnd: '原文终点', reviewedAt: '核对时间', reviewedBy: '核对人',
      updatedAt: '更新时间',
    },
    descriptions: {
      cover: '案例列表和详情页的配图：JPEG、PNG、WebP、GIF 或 AVIF，不接受 SVG',
      // The field's length limit is shown by Strapi under it already.
      seoTitle: '搜索结果和分享卡片上的标题；留空则用案例标题',
      seoDescription: '搜索结果和分享卡片上的描述；留空则用摘要的开头',
    },
  },
  [UID.hospital]: {
    mainField: 'name',
    defaultSortBy: 'name',
    defaultSortOrder: 'ASC',
    list: ['id', 'name', 'province', 'city', 'category', 'level'],
    labels: {
      name: '医院名称', slug: '链接名 (拼音)', aliases: '别名', province: '省份', city: '城市', category: '类别',
      level: '等级', affiliatedUniversity: '所属大学', parentGroup: '所属集团', members: '成员医院', cases: '案例',
    },
  },
  [UID.initiative]: {
    mainField: 'name',
    defaultSortBy: 'id',
    defaultSortOrder: 'DESC',
    list: ['id', 'name', 'case', 'theme', 'order'],
    labels: { name: '举措名称', summary: '概要', order: '顺序', case: '案例', theme: '主题', metrics: '指标' },
  },
  [UID.metric]: {
    mainField: 'label',
    defaultSortBy: 'id',
    defaultSortOrder: 'DESC',
    list: ['id', 'label', 'value', 'unit', 'qualifier', 'case'],
    labels: {
      label: '指标', value: '数值', unit: '单位', qualifier: '限定 (约/余/不到)', kind: '类型', period: '时期',
      asOf: '截至日期', quote: '原文引用', sourceStart: '原文起点', sourceEnd: '原文终点', order: '顺序', case: '案例',
      initiative: '举措',
    },
  },
  [UID.theme]: {
    mainField: 'name',
    defaultSortBy: 'name',
    defaultSortOrder: 'ASC',
    list: ['id', 'name', 'slug'],
    labels: { name: '主题', slug: '链接名 (拼音)', description: '说明', cases: '案例' },
  },
  [UID.campaign]: {
    mainField: 'name',
    defaultSortBy: 'year',
    defaultSortOrder: 'DESC',
    list: ['id', 'name', 'organiser', 'year', 'stage'],
    labels: { name: '活动名称', slug: '链接名 (拼音)', organiser: '主办单位', year: '年份', description: '说明', stage: '阶段', cases: '案例' },
  },
  [UID.sourceDocument]: {
    mainField: 'filename',
    defaultSortBy: 'createdAt',
    defaultSortOrder: 'DESC',
    list: ['id', 'filename', 'encoding', 'importStatus', 'createdAt'],
    labels: {
      filename: '文件名', sha256: 'SHA-256 校验值', encoding: '编码', byteLength: '字节数', originalText: '原文', importStatus: '导入状态',
      report: '导入报告', cases: '案例', createdAt: '导入时间',
    },
  },
};

/** The components' fields, as the case's edit view shows them inside its 人物 and 来源 blocks. */
export const COMPONENT_LAYOUTS: Record<string, Pick<Layout, 'mainField' | 'labels'>> = {
  'casebook.person': { mainField: 'name', labels: { name: '姓名', role: '职务', unit: '单位' } },
  'casebook.source': {
    mainField: 'publication',
    labels: { publication: '刊物或网站', column: '栏目', issue: '期号', date: '发表日期', url: '原文链接', readCount: '阅读数' },
  },
};

/** Bump when LAYOUTS or COMPONENT_LAYOUTS change; each version is applied once, so later edits made by editors in the admin stay. */
export const LAYOUT_VERSION = 3;

/** `metadatas` with each labelled field's edit and list label set, and the edit view's hints. */
const labelled = (metadatas: Record<string, Metadata>, labels: Record<string, string>, descriptions: Record<string, string> = {}): Record<string, Metadata> => {
  const result = { ...metadatas };
  for (const [field, label] of Object.entries(labels)) {
    if (!result[field]) continue;
    const description = descriptions[field];
    result[field] = { edit: { ...result[field].edit, label, ...(description && { description }) }, list: { ...result[field].list, label } };
  }
  return result;
};

type Metadata = { edit?: Record<string, unknown>; list?: Record<string, unknown> };
type Configuration = {
  settings: Record<string, unknown>;
  metadatas: Record<string, Metadata>;
  layouts: { list: string[]; edit: unknown };
};

const contentManagerLayoutService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async apply(): Promise<'applied' | 'current'> {
    const store = strapi.store({ type: 'plugin', name: PLUGIN_ID, key: 'content-manager-layout-version' });
    if ((await store.get()) === LAYOUT_VERSION) return 'current';

    const contentTypes = strapi.plugin('content-manager').service('content-types');
    for (const [uid, layout] of Object.entries(LAYOUTS)) {
      const contentType = strapi.contentType(uid as StrapiUID.ContentType);
      const configuration: Configuration = await contentTypes.findConfiguration(contentType);
      const metadatas = labelled(configuration.metadatas, layout.labels, layout.descriptions);
      await contentTypes.updateConfiguration(contentType, {
        ...configuration,
        settings: {
          ...configuration.settings,
          mainField: layout.mainField,
          defaultSortBy: layout.defaultSortBy,
          defaultSortOrder: layout.defaultSortOrder,
        },
        metadatas,
        layouts: { ...configuration.layouts, list: layout.list.filter((field) => field in metadatas) },
      });
    }
    const components = strapi.plugin('content-manager').service('components');
    for (const [uid, layout] of Object.entries(COMPONENT_LAYOUTS)) {
      const component = strapi.components[uid as StrapiUID.Component];
      if (!component) continue;
      const configuration: Configuration = await components.findConfiguration(component);
      await components.updateConfiguration(component, {
        ...configuration,
        settings: { ...configuration.settings, mainField: layout.mainField },
        metadatas: labelled(configuration.metadatas, layout.labels),
      });
    }
    await store.set({ value: LAYOUT_VERSION });
    return 'applied';
  },
});

export default contentManagerLayoutService;

export type ContentManagerLayoutService = ReturnType<typeof contentManagerLayoutService>;

/** The `content-manager-layout` service of a running Strapi. */
export const contentManagerLayoutOf = serviceAccessor<ContentManagerLayoutService>('content-manager-layout');
