import { findHospitalNames, longerNamesByTail, recurringNames, type NameMatch } from './hospitals';
import type { CaseDraft, Paragraph, Split } from './split';
import { endsSentence, labelPattern, SOURCE_LABELS, SUBMITTER_LABELS } from './text-rules';
import type { Confidence, OwnerHint, RemovedSegment } from './types';

/** Who a case belongs to, as far as the document says: a full name, or a hint and candidates for the editor. */
export type OwnerFinding = { hospital: string | null; owner: OwnerHint; confidence: Confidence };

/** A case with what the document says of its owner. */
export type OwnedDraft = CaseDraft & OwnerFinding;

/** Before a partner's name (与…, 邀请…) or a venue's (在…举行): the case is someone else's. */
const AFTER_PARTNER_VERB = /(与|和|及|邀请|合作|来到|前往|赴|联合|在|于|、)$/;
/** After the name of the body that acts: its party organisation, or a verb (…医院党委与…, …医院开展…). */
const ACTOR_AFTER = /^(?:党委|党总支|党支部|坚持|开展|举行|举办|成立|组织|打造|创建|推出|启动|以|通过)/;
/** The lead's actor, the first hospital the first paragraphs name as the one acting, counts this much more. */
const LEAD_ACTOR_POINTS = 4;

/**
 * Whether a bracket opened before an index is still open there, for indexes asked in increasing order: the
 * text is read once, where testing /[(（][^)）]*$/ on the text before each index read it again for each.
 */
const bracketReader = (text: string) => {
  let cursor = 0;
  let open = false;
  return (index: number): boolean => {
    for (; cursor < index; cursor += 1) {
      if (text[cursor] === '(' || text[cursor] === '（') open = true;
      else if (text[cursor] === ')' || text[cursor] === '）') open = false;
    }
    return open;
  };
};

/** A metadata line that names the article's author or source (作者:…医院, 来源:【…医院】). */
const SOURCE_LINE = new RegExp(`(?:^|\\s)(?:${labelPattern(SOURCE_LABELS)})\\s*[:：]`);
/** A record's field naming the hospital that submitted the case (提交医院:…, 申报单位:…): the owner itself. */
const SUBMITTER_LINE = new RegExp(`^\\s*(?:${labelPattern(SUBMITTER_LABELS)})\\s*[:：]\\s*(.+)$`);
/** A paper's affiliation line: names in brackets with a province, city and six-digit postcode ((…医院/…医院,江苏 苏州 215002)). */
const AFFILIATION = /^[(（]([^)）]{4,80}?)[,，]\s*[\u4e00-\u9fff]{2,4}\s*[\u4e00-\u9fff]{2,4}\s*\d{6}[)）]$/;

/**
 * The document's own words for an owner it does not name in full: an anonymised name (x市x医院, 上海市某医院),
 * a short form (市二院, 附属医院); failing those, 我院/本院 (SELF_REFERENCE). The more specific kinds are asked first.
 */
const PARTIAL_NAMES: RegExp[] = [
  /[xX×]?[\u4e00-\u9fff]{0,4}?[xX×某][\u4e00-\u9fff]{0,6}?(?:医院|卫生院|保健院)/,
  /[省市县区][第]?[一二三四五六七八九十]+院/,
  /(?:附属|省立|市立|县立)[\u4e00-\u9fff]{0,4}?医院/,
];

/** The page's own hospital, as its staff write of it: the least specific hint, asked last. */
const SELF_REFERENCE = /我院|本院/;

const LEADING_FUNCTION_WORDS = /^(?:以|在|为|对|由|是|与|和|及|将|从|向|到|了|的)+/;

/** A found name, to score: the name, where it stands and in what text. */
type Mention = { name: string; start: number };

/** Every mention of a hospital in a text: the names `findHospitalNames` finds, and the recurring names given. */
const mentionsIn = (text: string, recurring: string[]): Mention[] => {
  const found: Mention[] = findHospitalNames(text).map((match: NameMatch) => ({ name: match.name, start: match.start }));
  for (const name of recurring) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) found.push({ name, start: at });
  }
  return found.sort((a, b) => a.start - b.start);
};

const resolved = (hospital: string, rule: string, score: number, candidates: string[]): OwnerFinding => ({
  hospital,
  owner: { hint: null, candidates: candidates.filter((name) => name !== hospital) },
  confidence: { rule, score },
});

/**
 * The hospital a single-case document is about. A record's submitter field or a paper's affiliation line
 * says so outright; otherwise the name that opens sentences and paragraphs, stands in the title or the page's
 * byline wins over one named as a partner (与…合作, 邀请…专家). A document that names no hospital in full
 * gets its own words for the owner as a hint, and every hospital it names as a candidate.
 */
export const ownerOf = (paragraphs: Paragraph[], removed: RemovedSegment[]): OwnerFinding => {
  const recurring = recurringNames(paragraphs.map((paragraph) => paragraph.text).join('\n'));
  const scores = new Map<string, number>();
  const add = (name: string, points: number) => scores.set(name, (scores.get(name) ?? 0) + points);
  let declared: { name: string; rule: string } | null = null;
  let leadActor = false;
  // The names the text mentions at least once other than as a partner or a venue.
  const acting = new Set<string>();
  for (const [position, paragraph] of paragraphs.entries()) {
    const submitter = SUBMITTER_LINE.exec(paragraph.text);
    const affiliation = AFFILIATION.exec(paragraph.text);
    const named = submitter?.[1] ?? affiliation?.[1];
    if (named && !declared) {
      const [first] = mentionsIn(named, recurring);
      if (first) declared = { name: first.name, rule: submitter ? 'submitter-field' : 'affiliation-line' };
    }
    const closesBracket = /[)）]$/.test(paragraph.text.trimEnd());
    const insideBracket = bracketReader(paragraph.text);
    for (const mention of mentionsIn(paragraph.text, recurring)) {
      const before = paragraph.text.slice(Math.max(0, mention.start - 4), mention.start);
      let points = 1;
      if (mention.start === 0 || endsSentence(before)) points += 2;
      if (position < 2) points += 3;
      if (insideBracket(mention.start) && closesBracket) points += 3;
      const partner = AFTER_PARTNER_VERB.test(before);
      if (partner) points -= 2;
      else if (position < 2 && !leadActor && ACTOR_AFTER.test(paragraph.text.slice(mention.start + mention.name.length))) {
        points += LEAD_ACTOR_POINTS;
        leadActor = true;
      }
      add(mention.name, points);
      if (!partner) acting.add(mention.name);
    }
  }
  const inText = new Set(scores.keys());
  // The page says whose article it is (作者:…医院, 来源:【…医院】): that outweighs any mention.
  let sourced: string | null = null;
  for (const segment of removed) {
    if (segment.kind === 'related' || segment.kind === 'spam') continue;
    const line = segment.text.trim();
    const submitter = SUBMITTER_LINE.exec(line);
    if (submitter && !declared) {
      const [first] = findHospitalNames(submitter[1]);
      if (first) declared = { name: first.name, rule: 'submitter-field' };
    }
    const bySource = SOURCE_LINE.test(line);
    for (const match of findHospitalNames(line)) {
      add(match.name, 2);
      if (bySource) sourced ??= match.name;
    }
  }
  // A short form (市人民医院) adds to the first full name still counted that ends with it (重庆市人民医院).
  const endingWith = longerNamesByTail(scores.keys());
  for (const [name, score] of [...scores]) {
    const full = endingWith.get(name)?.find((other) => scores.has(other));
    if (full) {
      add(full, score);
      scores.delete(name);
      if (inText.has(name)) inText.add(full);
    }
  }
  const all = [...scores].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length);
  const ranked = all.filter(([, score]) => score > 0);
  // Every hospital the page names is a candidate for the editor, the partners (scored at or below zero) last.
  const candidates = all.map(([name]) => name);
  if (declared) return resolved(declared.name, declared.rule, 0.95, candidates);
  if (sourced) return resolved(endingWith.get(sourced)?.find((other) => scores.has(other)) ?? sourced, 'source-line', 0.85, candidates);
  const [best, second] = ranked;
  // A page about 我院 that names other hospitals only as its partners (我院与…医院共建) is not theirs.
  const selfReferred = SELF_REFERENCE.test(paragraphs.map((paragraph) => paragraph.text).join('\n'));
  if (best && inText.has(best[0]) && !acting.has(best[0]) && selfReferred) return unresolved(paragraphs, candidates);
  if (best) {
    const [name, score] = best;
    if (!inText.has(name)) return resolved(name, 'page-chrome', 0.5, candidates);
    const clear = !second || score >= 2 * second[1];
    return resolved(name, 'most-mentioned', clear ? 0.85 : 0.6, candidates);
  }
  return unresolved(paragraphs, candidates);
};

/** An owner the document does not name in full: its own words for it as the hint, the hospitals it names as candidates. */
const unresolved = (paragraphs: Paragraph[], candidates: string[]): OwnerFinding => {
  const text = paragraphs.map((paragraph) => paragraph.text).join('\n');
  const partial = [...PARTIAL_NAMES, SELF_REFERENCE].map((pattern) => pattern.exec(text)?.[0]).find((found) => found !== undefined);
  // 以上海市某医院为例: the words a sentence puts before the name are not part of it.
  const hint = partial?.replace(LEADING_FUNCTION_WORDS, '') ?? null;
  return { hospital: null, owner: { hint, candidates }, confidence: { rule: 'unresolved', score: 0 } };
};

/**
 * Each case with its owner: the hospital its header names, or for a document without headers (one article)
 * what `ownerOf` finds in its text and page chrome, which may be a hint for the editor rather than a name.
 */
export const ownedDrafts = (split: Split, removed: RemovedSegment[]): OwnedDraft[] =>
  split.cases.map((draft) => {
    if (draft.header) return { ...draft, ...resolved(draft.header.hospital, 'case-header', 0.95, []) };
    if (draft.listedOwner !== undefined) return { ...draft, ...listedOwnerOf(draft.listedOwner) };
    return { ...draft, ...ownerOf([...draft.headerLines, ...draft.paragraphs], removed) };
  });

/** A listed case's owner: the name the list gives when it is a full one, else that name as the editor's hint. */
const listedOwnerOf = (written: string): OwnerFinding => {
  const [found] = findHospitalNames(written);
  if (found && found.name === written) return resolved(written, 'brand-list', 0.8, []);
  return { hospital: null, owner: { hint: written, candidates: found ? [found.name] : [] }, confidence: { rule: 'unresolved', score: 0 } };
};
