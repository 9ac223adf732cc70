import { Badge, Box, Button, Checkbox, Field, Flex, Grid, Link, Radio, Table, Tbody, Td, Textarea, TextInput, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient, useNotification, useRBAC } from '@strapi/strapi/admin';
import { useCallback, useEffect, useMemo, useState, type ChangeEvent } from 'react';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';
import type { ExtractedCase, ImportPreview as Preview, ImportReport, SourceDocumentRow } from '../../../server/src/importer';
import { SOURCE_DOCUMENT_STATUS } from '../../../server/src/closed-sets';
import { describeError } from '../errors';
import { useLabelLanguage } from '../language';
import { PERMISSIONS } from '../permissions';
import { PLUGIN_ID } from '../pluginId';
import { CaseParts, CheckMark, correctedOf, draftOf, isDoubtful, TitleBox, type CaseDraft, type Choice, type Translate } from './import/CaseReview';

type Upload = { filename: string; content: string; encoding: 'base64' | 'text' };
/** An imported document as the list route sends it: its dates as JSON carries them. */
type SourceDocument = Omit<SourceDocumentRow, 'createdAt' | 'updatedAt'> & { createdAt: string; updatedAt: string };

type OwnerCandidate = Preview['ownerCandidates'][number][number];

type Choices = Choice[];

/** A kept case is imported only with an owner: the confirm route asks the same. */
/** The id of the list of existing hospitals' names that every owner field offers. */
const HOSPITALS_LIST = 'casebook-import-hospitals';

const hasOwner = (extracted: ExtractedCase) => (extracted.hospital?.trim().length ?? 0) >= 2;

const readFile = (file: File) =>
  new Promise<Upload>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve({ filename: file.name, content: String(reader.result).replace(/^data:[^,]*,/, ''), encoding: 'base64' });
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });

/** The original text with the selected quote marked, scrolled into view. */
const SourceText = ({ original, highlight }: { original: string; highlight: { start: number; end: number } | null }) => {
  const marked = useCallback((node: HTMLElement | null) => node?.scrollIntoView({ block: 'center' }), []);
  const before = highlight ? original.slice(0, highlight.start) : original;
  return (
    <Box background="neutral100" padding={4} hasRadius style={{ maxHeight: '70vh', overflow: 'auto', whiteSpace: 'pre-wrap', fontSize: '1.3rem', lineHeight: 1.7 }} data-testid="source-text">
      {before}
      {highlight ? (
        <>
          <mark ref={marked} data-testid="source-highlight" style={{ background: '#ffe58f' }}>
            {original.slice(highlight.start, highlight.end)}
          </mark>
          {original.slice(highlight.end)}
        </>
      ) : null}
    </Box>
  );
};

/**
 * The owner of a case its document names only partially: the document's words for it, the hospitals to pick
 * from, and a field for a hospital's full name (an existing one of that name is linked, otherwise it is created).
 */
const UnresolvedOwner = ({
  extracted,
  candidates,
  newOwner,
  onChange,
  t,
}: {
  extracted: ExtractedCase;
  candidates: OwnerCandidate[];
  newOwner: string;
  onChange: (hospital: string | null, newOwner: string) => void;
  t: Translate;
}) => (
  <Box background="warning100" borderColor="warning200" hasRadius padding={3} marginTop={2} data-testid="import-owner-unresolved">
    <Flex gap={3} alignItems="baseline" wrap="wrap" paddingBottom={3}>
      <Typography fontWeight="bold" textColor="warning700">
        {t('import.owner.unresolved', '未确定归属医院')}
      </Typography>
      <Typography textColor="neutral800">
        {extracted.owner.hint ? t('import.owner.hint', '原文称: 「{hint}」', { hint: extracted.owner.hint }) : t('import.owner.noHint', '原文没有提到归属医院')}
      </Typography>
    </Flex>
    {candidates.length > 0 ? (
      <Radio.Group aria-label={t('import.owner.pick', '选择归属医院')} value={extracted.hospital ?? ''} onValueChange={(name: string) => onChange(name, '')}>
        {candidates.map((candidate) => (
          <Radio.Item key={candidate.name} value={candidate.name}>
            {candidate.name}{' '}
            <Typography variant="pi" textColor="neutral600">
              ({candidate.documentId ? t('import.owner.existing', '已有医院') : t('import.owner.created', '导入时新建')}
              {candidate.from === 'document' ? `, ${t('import.owner.inDocument', '文中提到')}` : ''})
            </Typography>
          </Radio.Item>
        ))}
      </Radio.Group>
    ) : (
      <Typography textColor="neutral700" tag="p">
        {t('import.owner.noCandidates', '没有可选的医院: 请填写医院全称')}
      </Typography>
    )}
    <Box paddingTop={3}>
      <Field.Root name="newOwner" hint={t('import.owner.newHint', '与已有医院同名时关联该医院, 否则导入时新建')}>
        <Field.Label>{t('import.owner.new', '或填写医院全称')}</Field.Label>
        <TextInput list={HOSPITALS_LIST} value={newOwner} onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value.trim() || null, event.target.value)} />
        <Field.Hint />
      </Field.Root>
    </Box>
  </Box>
);

type KeptChanges = ImportReport['kept'];

/** The import report's `kept`, in words: per case, the fields left as an editor changed them and the rejected items left out. */
const describeKept = (kept: KeptChanges, t: Translate): string =>
  kept
    .map((found) =>
      t('import.kept', '《{title}》保留了编辑的修改: {fields}; 未重新加入已标记为错误的 {rejected} 项', {
        title: found.title,
        fields: found.fields.map((field) => t(`import.kept.field.${field}`, field)).join('、') || '—',
        rejected: found.rejected,
      }),
    )
    .join(' ');

/** Where the Content Manager edits a case's draft. */
const caseEditPath = (documentId: string) => `/content-manager/collection-types/api::case.case/${documentId}`;

/** What the import did, in the editor's language, with a link to each draft it wrote. */
const ImportResult = ({ report, t }: { report: ImportReport; t: Translate }) => (
  <Box background="success100" borderColor="success200" hasRadius padding={4} data-testid="import-result">
    <Typography fontWeight="bold" tag="p">
      {t(`import.result.${report.status}`, '导入完成')}: {t('import.result.counts', '新建 {created} 个案例, 更新 {updated} 个案例的草稿', report.cases)}
    </Typography>
    <Flex direction="column" alignItems="flex-start" gap={1} paddingTop={2}>
      {report.written.map((written) => (
        <Flex key={written.documentId} gap={2}>
          <Badge>{t(`import.result.action.${written.action}`, written.action === 'created' ? '新建' : '已更新')}</Badge>
          <Link tag={NavLink} to={caseEditPath(written.documentId)} data-testid="import-draft-link">
            {t('import.result.open', '打开草稿《{title}》', { title: written.title })}
          </Link>
        </Flex>
      ))}
    </Flex>
  </Box>
);

const Importer = () => {
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { formatMessage, formatDate } = useIntl();
  const language = useLabelLanguage();
  const t: Translate = (id, defaultMessage, values) => formatMessage({ id: `${PLUGIN_ID}.${id}`, defaultMessage }, values);
  // Importing writes cases: the Content Manager's create on cases, and its publish to publish them.
  const { allowedActions, isLoading: checking } = useRBAC(PERMISSIONS.importWrites);
  const [upload, setUpload] = useState<Upload>({ filename: t('import.pastedName', '粘贴的文档.txt'), content: '', encoding: 'text' });
  const [preview, setPreview] = useState<Preview | null>(null);
  const [cases, setCases] = useState<CaseDraft[]>([]);
  const [choices, setChoices] = useState<Choices>([]);
  const [highlight, setHighlight] = useState<{ start: number; end: number } | null>(null);
  const [publish, setPublish] = useState(false);
  // The editor's explicit choice: the documentId of the case (or source document) this document is a new version of.
  const [replace, setReplace] = useState('');
  const [busy, setBusy] = useState(false);
  const [documents, setDocuments] = useState<SourceDocument[]>([]);
  const [existingThemes, setExistingThemes] = useState<string[]>([]);
  const [result, setResult] = useState<ImportReport | null>(null);

  const fail = (error: unknown) => toggleNotification({ type: 'danger', message: describeError(error, t) });

  const refresh = useCallback(() => {
    get<{ data: SourceDocument[] }>(`/${PLUGIN_ID}/source-documents`)
      .then(({ data }) => setDocuments(data.data))
      .catch(fail);
  }, [get]);
  useEffect(refresh, [refresh]);
  // The themes an editor may give a case: the existing ones (read through the Content Manager, as the case form does).
  useEffect(() => {
    get<{ results: Array<{ name: string }> }>('/content-manager/collection-types/api::theme.theme?pageSize=100&sort=name:ASC')
      .then(({ data }) => setExistingThemes(data.results.map((theme) => theme.name)))
      .catch(() => setExistingThemes([]));
  }, [get]);

  const analyse = async () => {
    setBusy(true);
    try {
      const { data } = await post<{ data: Preview }>(`/${PLUGIN_ID}/import/preview`, upload);
      setPreview(data.data);
      setResult(null);
      setCases(data.data.document.cases.map(draftOf));
      setChoices(
        data.data.document.cases.map((extracted) => ({
          keep: true,
          initiatives: extracted.initiatives.map(() => true),
          metrics: extracted.metrics.map(() => true),
          newOwner: '',
          ownerChecked: false,
        })),
      );
      setHighlight(null);
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };

  const themes = useMemo(() => [...new Set([...existingThemes, ...(preview?.document.cases.flatMap((extracted) => extracted.themes) ?? [])])], [existingThemes, preview]);

  const corrected = useMemo(
    () =>
      preview && {
        ...preview.document,
        cases: cases.map((draft, index) => correctedOf(draft, choices[index])).filter((_, index) => choices[index]?.keep),
      },
    [preview, cases, choices],
  );

  const confirm = async () => {
    if (!corrected) return;
    setBusy(true);
    try {
      const { data } = await post<{ data: ImportReport }>(`/${PLUGIN_ID}/import`, {
        ...upload,
        publish: publish && allowedActions.canPublish,
        document: corrected,
        ...(replace.trim() ? { replace: replace.trim() } : {}),
      });
      toggleNotification({
        type: 'success',
        message: `${t(`import.result.${data.data.status}`, '导入完成')}: ${t('import.result.counts', '新建 {created} 个案例, 更新 {updated} 个案例的草稿', data.data.cases)}`,
      });
      setResult(data.data);
      // What the re-import did not overwrite: the editors' changes since the previous import, and the items they rejected.
      if (data.data.kept.length > 0) toggleNotification({ type: 'warning', message: describeKept(data.data.kept, t), timeout: 15_000 });
      setPreview(null);
      setReplace('');
      refresh();
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };

  const editCase = (index: number, patch: Partial<CaseDraft>) => setCases((all) => all.map((draft, position) => (position === index ? { ...draft, ...patch } : draft)));
  const choose = (index: number, patch: Partial<Choice>) => setChoices((all) => all.map((choice, at) => (at === index ? { ...choice, ...patch } : choice)));
  // The kept cases still without an owner: the import waits for each to have one.
  const ownerless = corrected ? corrected.cases.filter((extracted) => !hasOwner(extracted)).length : 0;
  const toggle = (index: number, part: 'initiatives' | 'metrics' | 'keep', position = 0) =>
    setChoices((all) =>
      all.map((choice, at) => {
        if (at !== index) return choice;
        if (part === 'keep') return { ...choice, keep: !choice.keep };
        return { ...choice, [part]: choice[part].map((value, item) => (item === position ? !value : value)) };
      }),
    );
  const statusLabel = { new: t('import.status.new', '新文档'), revision: t('import.status.revision', '新版本'), unchanged: t('import.status.unchanged', '已导入, 无变化') };

  return (
    <Layouts.Root>
      <Page.Title>{t('import.name', '导入文档')}</Page.Title>
      <Layouts.Header title={t('import.name', '导入文档')} subtitle={t('import.subtitle', '上传或粘贴案例文档, 核对提取结果后创建草稿')} />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          {result ? <ImportResult report={result} t={t} /> : null}
          <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
            <Flex direction="column" alignItems="stretch" gap={4}>
              <Field.Root name="file">
                <Field.Label>{t('import.file', '上传文件 (.txt, .md, .html; UTF-8, GBK/GB18030, UTF-16)')}</Field.Label>
                <input
                  type="file"
                  accept=".txt,.md,.html,.htm"
                  data-testid="import-file"
                  onChange={async (event: ChangeEvent<HTMLInputElement>) => {
                    const file = event.target.files?.[0];
                    if (file) setUpload(await readFile(file));
                  }}
                />
              </Field.Root>
              <Field.Root name="content">
                <Field.Label>{t('import.paste', '或粘贴全文')}</Field.Label>
                <Textarea
                  name="content"
                  value={upload.encoding === 'text' ? upload.content : t('import.fileChosen', '(已选择文件 {filename})', { filename: upload.filename })}
                  onChange={(event: ChangeEvent<HTMLTextAreaElement>) =>
                    setUpload({ filename: upload.encoding === 'text' ? upload.filename : t('import.pastedName', '粘贴的文档.txt'), content: event.target.value, encoding: 'text' })
                  }
                />
              </Field.Root>
              <Field.Root name="filename">
                <Field.Label>{t('import.filename', '文件名 (仅作记录: 新版本按正文内容识别, 与文件名无关)')}</Field.Label>
                <TextInput name="filename" value={upload.filename} onChange={(event: ChangeEvent<HTMLInputElement>) => setUpload({ ...upload, filename: event.target.value })} />
              </Field.Root>
              <Flex gap={2}>
                <Button onClick={analyse} loading={busy} disabled={!upload.content}>
                  {t('import.analyse', '分析文档')}
                </Button>
              </Flex>
            </Flex>
          </Box>

          {preview && corrected ? (
            <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius data-testid="import-preview">
              <Flex gap={2} paddingBottom={4} wrap="wrap">
                <Typography variant="delta">{preview.filename}</Typography>
                <Badge>{preview.encoding}</Badge>
                <Badge active={preview.status !== 'unchanged'}>{statusLabel[preview.status]}</Badge>
                <Typography textColor="neutral600">
                  {t('import.hospitals', '医院: {names}', {
                    names: preview.document.hospitals.map((hospital) => (hospital.role === 'mentioned' ? t('import.hospitals.mentioned', '{name} (提及)', { name: hospital.name }) : hospital.name)).join('、') || '—',
                  })}
                </Typography>
              </Flex>
              <Grid.Root gap={4}>
                <Grid.Item col={7} s={12} direction="column" alignItems="stretch">
                  {/* The owner fields offer the existing hospitals as the editor types; a name of none creates a hospital. */}
                  <datalist id={HOSPITALS_LIST} data-testid="import-hospital-names">
                    {preview.hospitals.map((name) => (
                      <option key={name} value={name} />
                    ))}
                  </datalist>
                  {cases.map((draft, index) => (
                    <Box key={index} padding={4} marginBottom={4} hasRadius borderColor="neutral200" data-testid="import-case">
                      <Flex gap={2} alignItems="center" wrap="wrap">
                        <Checkbox checked={choices[index]?.keep} onCheckedChange={() => toggle(index, 'keep')}>
                          {t('import.case.keep', '保留')}
                        </Checkbox>
                        <CheckMark confidence={draft.confidence.title} threshold={preview.lowConfidence} t={t} />
                      </Flex>
                      <Box paddingTop={2}>
                        <TitleBox draft={draft} t={t} edit={(patch) => editCase(index, patch)} />
                      </Box>
                      {preview.document.cases[index]?.hospital !== null ? (
                        <Flex gap={2} alignItems="center" wrap="wrap" paddingTop={2}>
                          <Box flex="1" minWidth="16rem">
                            <TextInput
                              aria-label={t('import.case.hospital', '医院')}
                              list={HOSPITALS_LIST}
                              value={draft.hospital ?? ''}
                              onChange={(event: ChangeEvent<HTMLInputElement>) => {
                                editCase(index, { hospital: event.target.value });
                                choose(index, { ownerChecked: true });
                              }}
                            />
                          </Box>
                          {isDoubtful(draft.confidence.owner, preview.lowConfidence) && !choices[index]?.ownerChecked ? (
                            <Flex gap={2} data-testid="import-owner-doubtful">
                              <CheckMark confidence={draft.confidence.owner} threshold={preview.lowConfidence} t={t} />
                              <Typography variant="pi" textColor="neutral600">
                                {draft.confidence.owner.rule}
                              </Typography>
                              <Button variant="secondary" size="S" onClick={() => choose(index, { ownerChecked: true })}>
                                {t('import.owner.confirm', '确认')}
                              </Button>
                            </Flex>
                          ) : null}
                        </Flex>
                      ) : (
                        <UnresolvedOwner
                          extracted={draft}
                          candidates={preview.ownerCandidates[index] ?? []}
                          newOwner={choices[index]?.newOwner ?? ''}
                          onChange={(hospital, newOwner) => {
                            editCase(index, { hospital });
                            choose(index, { newOwner });
                          }}
                          t={t}
                        />
                      )}
                      <Typography textColor="neutral600" tag="p" paddingTop={2} data-testid="import-case-revision">
                        {preview.revisions[index]
                          ? t('import.case.revision', '新版本: 将更新案例《{title}》的草稿 (已发布的版本在发布前不变)', { title: preview.revisions[index]!.title })
                          : t('import.case.new', '新案例: 将创建草稿')}
                      </Typography>
                      <CaseParts
                        draft={draft}
                        choice={choices[index]}
                        preview={preview}
                        themes={themes}
                        language={language}
                        t={t}
                        edit={(patch) => editCase(index, patch)}
                        toggle={(part, position) => toggle(index, part, position)}
                        highlight={setHighlight}
                      />
                    </Box>
                  ))}
                  <Field.Root name="replace" hint={t('import.replace.hint', '填写后, 本文档作为该案例 (或该来源文档的案例) 的新版本导入, 只更新草稿; 留空则按正文内容识别')}>
                    <Field.Label>{t('import.replace', '替换已有案例 (可选): 案例或来源文档的 documentId')}</Field.Label>
                    <TextInput name="replace" value={replace} onChange={(event: ChangeEvent<HTMLInputElement>) => setReplace(event.target.value)} />
                    <Field.Hint />
                  </Field.Root>
                  <Flex gap={4} paddingTop={2}>
                    <Checkbox checked={publish && allowedActions.canPublish} disabled={!allowedActions.canPublish} onCheckedChange={() => setPublish(!publish)}>
                      {t('import.publish', '直接发布 (否则为草稿)')}
                    </Checkbox>
                    <Button onClick={confirm} loading={busy} disabled={!allowedActions.canCreate || preview.status === 'unchanged' || corrected.cases.length === 0 || ownerless > 0}>
                      {t('import.confirm', '确认导入')}
                    </Button>
                  </Flex>
                  {ownerless > 0 ? (
                    <Typography textColor="danger600" tag="p" paddingTop={2} data-testid="import-blocked">
                      {t('import.owner.blocked', '还有 {count} 个保留的案例未确定归属医院: 请为每个案例选择或填写医院后再导入', { count: ownerless })}
                    </Typography>
                  ) : null}
                  {!checking && !allowedActions.canCreate ? (
                    <Typography textColor="danger600" tag="p" paddingTop={2} data-testid="import-cannot-create">
                      {t('import.cannotCreate', '你的角色没有创建案例的权限: 可以分析文档, 但不能导入')}
                    </Typography>
                  ) : !checking && !allowedActions.canPublish ? (
                    <Typography textColor="neutral600" tag="p" paddingTop={2} data-testid="import-cannot-publish">
                      {t('import.cannotPublish', '你的角色没有发布案例的权限: 导入的案例保存为草稿')}
                    </Typography>
                  ) : null}
                </Grid.Item>
                <Grid.Item col={5} s={12} direction="column" alignItems="stretch">
                  <SourceText original={preview.original} highlight={highlight} />
                </Grid.Item>
              </Grid.Root>
            </Box>
          ) : null}

          <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
            <Typography variant="delta" tag="h2" paddingBottom={4}>
              {t('import.documents', '已导入的文档')}
            </Typography>
            <Table colCount={6} rowCount={documents.length + 1} data-testid="source-documents">
              <Thead>
                <Tr>
                  <Th><Typography variant="sigma">documentId</Typography></Th>
                  <Th><Typography variant="sigma">{t('import.documents.filename', '文件名')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('import.documents.status', '状态')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('import.documents.encoding', '编码')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('import.documents.cases', '案例 (新建/更新)')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('import.documents.createdAt', '导入时间')}</Typography></Th>
                </Tr>
              </Thead>
              <Tbody>
                {documents.map((document) => (
                  <Tr key={document.documentId}>
                    <Td><Typography textColor="neutral600">{document.documentId}</Typography></Td>
                    <Td><Typography>{document.filename}</Typography></Td>
                    <Td><Typography>{SOURCE_DOCUMENT_STATUS.label(document.status, language) ?? document.status}</Typography></Td>
                    <Td><Typography>{document.encoding}</Typography></Td>
                    <Td><Typography>{document.report?.cases ? `${document.report.cases.created} / ${document.report.cases.updated}` : '—'}</Typography></Td>
                    <Td><Typography>{formatDate(document.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</Typography></Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          </Box>
        </Flex>
      </Layouts.Content>
    </Layouts.Root>
  );
};

/** 导入文档, for roles that hold 导入文档; writing and publishing the cases also need the Content Manager's permissions on cases. */
export const ImportPage = () => (
  <Page.Protect permissions={PERMISSIONS.import}>
    <Importer />
  </Page.Protect>
);
