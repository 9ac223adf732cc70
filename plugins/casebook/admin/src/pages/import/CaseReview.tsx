import { Badge, Box, Button, Checkbox, Field, Flex, Grid, IconButton, MultiSelect, MultiSelectOption, SingleSelect, SingleSelectOption, Table, Tbody, Td, Textarea, TextInput, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Plus, Trash } from '@strapi/icons';
import type { ChangeEvent } from 'react';
import { METRIC_QUALIFIER, type Language, type MetricQualifier } from '../../../../server/src/closed-sets';
import type { ExtractedCase, ImportPreview as Preview } from '../../../../server/src/importer';

export type Translate = (id: string, defaultMessage: string, values?: Record<string, string | number>) => string;

type Confidence = ExtractedCase['confidence']['owner'];
type Metric = ExtractedCase['metrics'][number];
type Person = ExtractedCase['people'][number];

/**
 * A case as the editor corrects it: numbers kept as the text typed (a half-typed "1." stays on screen) and
 * turned back into numbers when the corrections are sent; the server refuses what is no number, naming the field.
 */
export type MetricDraft = Metric & { valueText: string };
export type CaseDraft = Omit<ExtractedCase, 'metrics'> & { metrics: MetricDraft[]; readCountText: string };

/** Per case: kept or dropped, which initiatives and metrics stay, the name typed for a new owner, whether a doubtful owner was checked. */
export type Choice = { keep: boolean; initiatives: boolean[]; metrics: boolean[]; newOwner: string; ownerChecked: boolean };

export const draftOf = (extracted: ExtractedCase): CaseDraft => ({
  ...extracted,
  award: extracted.award ?? '',
  people: extracted.people.map((person) => ({ ...person, unit: person.unit ?? null })),
  metrics: extracted.metrics.map((metric) => ({ ...metric, valueText: String(metric.value) })),
  readCountText: extracted.source.readCount === null ? '' : String(extracted.source.readCount),
});

const orNull = (text: string | null | undefined) => (text?.trim() ? text.trim() : null);
const numberOf = (text: string) => (text.trim() === '' ? null : Number(text.trim()));

/** The draft as the confirm route takes it: the preview's shape, trimmed, empty texts as null, the dropped items left out. */
export const correctedOf = (draft: CaseDraft, choice: Choice | undefined): ExtractedCase => {
  const { readCountText, metrics, ...rest } = draft;
  return {
    ...rest,
    title: draft.title.trim(),
    hospital: draft.hospital?.trim() ?? null,
    award: orNull(draft.award),
    people: draft.people.filter((person) => person.name.trim()).map((person) => ({ name: person.name.trim(), role: orNull(person.role), unit: orNull(person.unit) })),
    source: {
      ...draft.source,
      publication: orNull(draft.source.publication),
      column: orNull(draft.source.column),
      date: orNull(draft.source.date),
      readCount: numberOf(readCountText) as number | null,
    },
    initiatives: draft.initiatives.filter((_, position) => choice?.initiatives[position]).map((initiative) => ({ ...initiative, name: initiative.name.trim() })),
    // The quote and its offsets stay the importer's: a relabelled metric still points into its source.
    metrics: metrics
      .filter((_, position) => choice?.metrics[position])
      .map(({ valueText, ...metric }) => ({ ...metric, label: metric.label.trim(), value: numberOf(valueText) as number, unit: orNull(metric.unit) })),
  };
};

/** Whether the editor should check an item: the importer's isLowConfidence, on the threshold the preview sends. */
export const isDoubtful = (confidence: Confidence, threshold: number) => confidence.score < threshold;

/** 需核对 on an item the importer is unsure of, with the rule that found it as its tooltip. */
export const CheckMark = ({ confidence, threshold, t }: { confidence: Confidence; threshold: number; t: Translate }) =>
  isDoubtful(confidence, threshold) ? (
    <Badge variant="warning" size="S" title={t('import.check.rule', '规则 {rule}, 置信度 {score}', { rule: confidence.rule, score: confidence.score })} data-testid="import-check">
      {t('import.check', '需核对')}
    </Badge>
  ) : null;

type Props = {
  draft: CaseDraft;
  choice: Choice | undefined;
  preview: Preview;
  /** The names of the existing themes, and of those the document proposes. */
  themes: string[];
  language: Language;
  t: Translate;
  edit: (patch: Partial<CaseDraft>) => void;
  toggle: (part: 'initiatives' | 'metrics', position: number) => void;
  highlight: (range: { start: number; end: number }) => void;
};

const value = (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => event.target.value;

/**
 * The initiatives, each a row of its own at least 44 px high: Strapi's checkbox widens its click target to
 * 44 × 44 px (a ::before drawn above the earlier rows), so on rows of 20 px a click on an initiative's box
 * landed on the next one's target and toggled the wrong initiative (issue 16, "Wrong item toggled").
 */
const Initiatives = ({ draft, choice, preview, t, edit, toggle }: Props) => (
  <Flex direction="column" alignItems="stretch" gap={2} data-testid="import-initiatives">
    {draft.initiatives.map((initiative, position) => (
      <Flex key={position} gap={3} minHeight="4.8rem" data-testid="import-initiative">
        <Checkbox
          aria-label={t('import.initiative.keep', '保留举措 {name}', { name: initiative.name })}
          checked={choice?.initiatives[position] ?? false}
          onCheckedChange={() => toggle('initiatives', position)}
        />
        <Box flex="1">
          <TextInput
            aria-label={t('import.initiative.name', '举措名称')}
            value={initiative.name}
            disabled={!choice?.initiatives[position]}
            onChange={(event: ChangeEvent<HTMLInputElement>) =>
              edit({ initiatives: draft.initiatives.map((each, at) => (at === position ? { ...each, name: value(event) } : each)) })
            }
          />
        </Box>
        <CheckMark confidence={initiative.confidence} threshold={preview.lowConfidence} t={t} />
      </Flex>
    ))}
  </Flex>
);

const Metrics = ({ draft, choice, preview, language, t, edit, toggle, highlight }: Props) => {
  const editMetric = (position: number, patch: Partial<MetricDraft>) => edit({ metrics: draft.metrics.map((metric, at) => (at === position ? { ...metric, ...patch } : metric)) });
  return (
    <Table colCount={5} rowCount={draft.metrics.length + 1}>
      <Thead>
        <Tr>
          <Th><Typography variant="sigma">{t('import.metric.keep', '保留')}</Typography></Th>
          <Th><Typography variant="sigma">{t('import.metric.label', '指标')}</Typography></Th>
          <Th><Typography variant="sigma">{t('import.metric.qualifier', '限定')}</Typography></Th>
          <Th><Typography variant="sigma">{t('import.metric.value', '数值')}</Typography></Th>
          <Th><Typography variant="sigma">{t('import.metric.unit', '单位')}</Typography></Th>
        </Tr>
      </Thead>
      <Tbody>
        {draft.metrics.map((metric, position) => (
          <Tr key={position} data-testid="import-metric" onClick={() => highlight({ start: metric.start, end: metric.end })} style={{ cursor: 'pointer' }}>
            <Td onClick={(event: { stopPropagation(): void }) => event.stopPropagation()}>
              <Checkbox aria-label={t('import.metric.keepOne', '保留指标')} checked={choice?.metrics[position] ?? false} onCheckedChange={() => toggle('metrics', position)} />
            </Td>
            {/* The quote under its label, not in a column of its own: the row fits the review's half of the page. */}
            <Td style={{ whiteSpace: 'normal' }}>
              <Flex gap={2} minWidth="16rem">
                <Box flex="1">
                  <TextInput aria-label={t('import.metric.label', '指标')} value={metric.label} onChange={(event: ChangeEvent<HTMLInputElement>) => editMetric(position, { label: value(event) })} />
                </Box>
                <CheckMark confidence={metric.confidence} threshold={preview.lowConfidence} t={t} />
              </Flex>
              <Typography variant="pi" textColor="neutral600" tag="p" paddingTop={1} title={t('import.metric.quote', '原文')} data-testid="import-metric-quote">
                {metric.text}
              </Typography>
            </Td>
            <Td>
              <Box width="9rem">
                <SingleSelect
                  aria-label={t('import.metric.qualifier', '限定')}
                  value={metric.qualifier}
                  onChange={(qualifier: string | number) => editMetric(position, { qualifier: qualifier as MetricQualifier })}
                >
                  {METRIC_QUALIFIER.keys.map((key) => (
                    <SingleSelectOption key={key} value={key}>
                      {METRIC_QUALIFIER.label(key, language)}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Box>
            </Td>
            <Td>
              <Box width="8rem">
                <TextInput aria-label={t('import.metric.value', '数值')} inputMode="decimal" value={metric.valueText} onChange={(event: ChangeEvent<HTMLInputElement>) => editMetric(position, { valueText: value(event) })} />
              </Box>
            </Td>
            <Td>
              <Box width="7rem">
                <TextInput aria-label={t('import.metric.unit', '单位')} value={metric.unit ?? ''} onChange={(event: ChangeEvent<HTMLInputElement>) => editMetric(position, { unit: value(event) })} />
              </Box>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};

const People = ({ draft, t, edit }: Props) => {
  const editPerson = (position: number, patch: Partial<Person>) => edit({ people: draft.people.map((person, at) => (at === position ? { ...person, ...patch } : person)) });
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid="import-people">
      {draft.people.length === 0 ? <Typography textColor="neutral600">{t('import.people.none', '原文没有提到人物')}</Typography> : null}
      {draft.people.map((person, position) => (
        <Flex key={position} gap={2} data-testid="import-person">
          <TextInput aria-label={t('import.people.name', '姓名')} placeholder={t('import.people.name', '姓名')} value={person.name} onChange={(event: ChangeEvent<HTMLInputElement>) => editPerson(position, { name: value(event) })} />
          <TextInput aria-label={t('import.people.role', '职务')} placeholder={t('import.people.role', '职务')} value={person.role ?? ''} onChange={(event: ChangeEvent<HTMLInputElement>) => editPerson(position, { role: value(event) })} />
          <TextInput aria-label={t('import.people.unit', '单位')} placeholder={t('import.people.unit', '单位')} value={person.unit ?? ''} onChange={(event: ChangeEvent<HTMLInputElement>) => editPerson(position, { unit: value(event) })} />
          <IconButton label={t('import.people.remove', '删除人物')} onClick={() => edit({ people: draft.people.filter((_, at) => at !== position) })}>
            <Trash />
          </IconButton>
        </Flex>
      ))}
      <Box>
        <Button variant="tertiary" size="S" startIcon={<Plus />} onClick={() => edit({ people: [...draft.people, { name: '', role: null, unit: null }] })}>
          {t('import.people.add', '添加人物')}
        </Button>
      </Box>
    </Flex>
  );
};

/** Themes, award and where the case was published: what the importer found, for the editor to correct. */
const Details = ({ draft, themes, t, edit }: Props) => (
  <Grid.Root gap={3} data-testid="import-details">
    <Grid.Item col={12} direction="column" alignItems="stretch">
      <Field.Root name="themes">
        <Field.Label>{t('import.themes', '主题')}</Field.Label>
        <MultiSelect withTags value={draft.themes} placeholder={t('import.themes.pick', '选择主题')} onChange={(picked: string[]) => edit({ themes: picked })}>
          {themes.map((name) => (
            <MultiSelectOption key={name} value={name}>
              {name}
            </MultiSelectOption>
          ))}
        </MultiSelect>
      </Field.Root>
    </Grid.Item>
    <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
      <Field.Root name="award">
        <Field.Label>{t('import.award', '奖项')}</Field.Label>
        <TextInput value={draft.award ?? ''} onChange={(event: ChangeEvent<HTMLInputElement>) => edit({ award: value(event) })} />
      </Field.Root>
    </Grid.Item>
    <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
      <Field.Root name="publication">
        <Field.Label>{t('import.source.publication', '刊载媒体')}</Field.Label>
        <TextInput value={draft.source.publication ?? ''} onChange={(event: ChangeEvent<HTMLInputElement>) => edit({ source: { ...draft.source, publication: value(event) } })} />
      </Field.Root>
    </Grid.Item>
    <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
      <Field.Root name="column">
        <Field.Label>{t('import.source.column', '栏目')}</Field.Label>
        <TextInput value={draft.source.column ?? ''} onChange={(event: ChangeEvent<HTMLInputElement>) => edit({ source: { ...draft.source, column: value(event) } })} />
      </Field.Root>
    </Grid.Item>
    <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
      <Field.Root name="sourceDate">
        <Field.Label>{t('import.source.date', '发布日期')}</Field.Label>
        <TextInput type="date" value={draft.source.date ?? ''} onChange={(event: ChangeEvent<HTMLInputElement>) => edit({ source: { ...draft.source, date: value(event) } })} />
      </Field.Root>
    </Grid.Item>
    <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
      <Field.Root name="readCount">
        <Field.Label>{t('import.source.readCount', '阅读量')}</Field.Label>
        <TextInput inputMode="numeric" value={draft.readCountText} onChange={(event: ChangeEvent<HTMLInputElement>) => edit({ readCountText: value(event) })} />
      </Field.Root>
    </Grid.Item>
  </Grid.Root>
);

const Section = ({ title }: { title: string }) => (
  <Typography variant="sigma" tag="p" paddingTop={4} paddingBottom={2}>
    {title}
  </Typography>
);

/** The parts of one case the editor corrects below its title and owner: initiatives, metrics, people, themes, award, source. */
export const CaseParts = (props: Props) => {
  const { draft, t } = props;
  return (
    <>
      <Section title={t('import.initiatives', '举措 ({count})', { count: draft.initiatives.length })} />
      <Initiatives {...props} />
      <Section title={t('import.metrics', '指标 ({count}): 点击一行查看原文', { count: draft.metrics.length })} />
      <Metrics {...props} />
      <Section title={t('import.people', '人物 ({count})', { count: draft.people.length })} />
      <People {...props} />
      <Section title={t('import.details', '主题、奖项与来源')} />
      <Details {...props} />
    </>
  );
};

/** The case's title, whole: titles of forty characters and more wrap instead of hiding behind a one-line box. */
export const TitleBox = ({ draft, t, edit }: Pick<Props, 'draft' | 't' | 'edit'>) => (
  <Textarea aria-label={t('import.case.title', '案例标题')} rows={2} value={draft.title} onChange={(event: ChangeEvent<HTMLTextAreaElement>) => edit({ title: value(event) })} />
);
