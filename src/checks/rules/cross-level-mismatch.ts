import type { Procedure } from '../../../generated/types/catalogue.js';
import { CHANNEL_LABELS, LEVEL_LABELS, labels } from '../../i18n/labels.js';
import type { Bilingual } from '../../i18n/lang.js';
import { defineRule } from '../define.js';
import { componentsOf, documentKey, normalise } from '../index-build.js';
import type { RawFinding } from '../types.js';
import { longer, show } from './duration-helpers.js';

const CHANNELS = ['in-person', 'online', 'postal'] as const;
/** How many differing components a message names before "và N thành phần khác". */
const NAMED = 3;

/** "cấp bộ, cấp tỉnh" / "ministry, province". */
function levelsOf(p: Procedure): Bilingual {
  const list = (p.levels ?? []).map((l) => labels(LEVEL_LABELS, l));
  if (list.length === 0) return { vi: 'không ghi cấp', en: 'no level stated' };
  return { vi: list.map((l) => l.vi).join(', '), en: list.map((l) => l.en).join(', ') };
}

/** Names, the first few quoted, then how many more. */
function someNames(names: readonly string[]): Bilingual {
  const shown = names.slice(0, NAMED).map((n) => `"${n.length > 80 ? `${n.slice(0, 77)}…` : n}"`);
  const more = names.length - shown.length;
  return {
    vi: `${shown.join(', ')}${more > 0 ? ` và ${more} thành phần khác` : ''}`,
    en: `${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}`,
  };
}

/**
 * The scope words of a procedure: mineral groups, works grades, sea areas… When two levels
 * state different scopes, the law splits the competence between them (the ministry licenses
 * "khoáng sản nhóm I", the province groups II–IV) and their differences are not to align.
 */
function scopeOf(p: Procedure): string {
  const text = [p.name ?? '', ...(p.conditions ?? []), ...(p.steps ?? []), ...(p.targets ?? [])].join(' ').normalize('NFC').toLowerCase();
  const found = new Set<string>();
  for (const m of text.matchAll(/(nhóm (?:i|ii|iii|iv)(?![a-z])|khu vực biển|công trình cấp (?:đặc biệt|i|ii|iii|iv)(?![a-z])|hạng (?:i|ii|iii)(?![a-z])|khoáng sản chiến lược)/gu)) found.add(m[1] as string);
  return [...found].sort().join('|');
}

/** A component's words for comparing across levels: no form numbers, templates or citations. */
function componentWords(name: string): Set<string> {
  const key = documentKey(name.replace(/\([^)]*\)/gu, ' ').replace(/ban hành kèm theo[^;.]*/giu, ' ').replace(/\.[A-Z0-9]{2,6}$/u, ' '));
  return new Set(key.split(' ').filter((w) => w.length > 1));
}

/**
 * Two component names that name the same document in other words: most words shared
 * (Jaccard ≥ 0.6), or the shorter name (three words or more) almost wholly inside the longer
 * one ("Phiếu thu nhận thông tin căn cước (Mẫu CC01)" and the same with how it is made).
 */
function sameDocument(a: Set<string>, b: Set<string>): boolean {
  let common = 0;
  for (const w of a) if (b.has(w)) common++;
  const smaller = Math.min(a.size, b.size);
  return common / Math.max(1, a.size + b.size - common) >= 0.6 || (smaller >= 3 && common / smaller >= 0.8);
}

/** Levels from the lowest; a procedure carried out at several spans them. */
const RANK: Record<string, number> = { commune: 0, district: 1, province: 2, ministry: 3 };

/**
 * Whether every level of `a` is below every level of `b`: `a` receives what `b` also handles, and
 * a longer time there is usually the relay the law sets (Luật Xuất cảnh, nhập cảnh 49/2019/QH14
 * Điều 15 khoản 7: 8 working days at the provincial police, 5 at the ministry's department).
 */
function below(a: Procedure, b: Procedure): boolean {
  const ra = (a.levels ?? []).map((l) => RANK[l] ?? -1);
  const rb = (b.levels ?? []).map((l) => RANK[l] ?? -1);
  return ra.length > 0 && rb.length > 0 && Math.max(...ra) < Math.min(...rb);
}

/**
 * A row that is not a document: a case heading ("a) Trường hợp …", "Đối với …:"), or a sentence
 * about the form ("Phiếu này là biểu mẫu điện tử …") the portal printed as a row.
 */
function notADocument(name: string): boolean {
  const t = name.trim();
  if (/^(?:[a-zđ]\)|\d{1,2}[.)]|[-+*•])?\s*(phiếu này là|lưu ý|ghi chú)/iu.test(t) || /:\s*$/u.test(t)) return true;
  // "Trường hợp … thì hồ sơ còn có: Phiếu …" is a conditional demand, not a heading.
  return /^(?:[a-zđ]\)|\d{1,2}[.)]|[-+*•])?\s*(trường hợp|đối với)/iu.test(t)
    && !/\b(thì|nộp|kèm theo)\b|giấy|phiếu|tờ khai|đơn |bản sao|bản chính|văn bản|hợp đồng|chứng chỉ|chứng nhận/iu.test(t);
}

/**
 * Whether a case's heading scopes it by a legal provision ("quy định tại khoản 4 Điều 15") or by
 * the agency or level that hears it ("tại Cục Quản lý xuất nhập cảnh", "cấp tỉnh").
 */
function scopedCase(p: Procedure, caseId: string | undefined): boolean {
  if (caseId === undefined) return false;
  const name = (p.cases ?? []).find((k) => k.id === caseId)?.name ?? '';
  return /\b(?:điều|khoản)\s+\d+/iu.test(name)
    || /\btại\s+(?:cục|bộ|sở|tổng cục|công an|ủy ban|ubnd)\b|\bcấp\s+(?:xã|tỉnh|bộ|trung ương)\b/iu.test(name);
}

/** Whether `a` declares a lawful difference from `b` for an aspect (or `b` from `a`). */
function declared(a: Procedure, b: Procedure, aspect: 'duration' | 'fees' | 'components'): boolean {
  const covers = (x: Procedure, other: string): boolean => (x.levelDifferences ?? []).some((d) => d.with === other && d.aspects.includes(aspect));
  return covers(a, b.code) || covers(b, a.code);
}

/** The same service at different levels or in a variant, with different durations, fees or components. */
export const crossLevelMismatch = defineRule({
  id: 'cross-level-mismatch',
  code: 'TTHC413',
  severity: 'warning',
  category: 'consistency',
  message: {
    vi: '{what} khác với thủ tục {other} ({otherLevels}): {detail}.',
    en: '{what} differs from procedure {other} ({otherLevels}): {detail}.',
  },
  hint: {
    vi: 'Thống nhất giữa các cấp; nếu khác biệt có căn cứ (phân cấp thẩm quyền, luật quy định khác), khai báo trong levelDifferences kèm căn cứ pháp lý.',
    en: 'Align the levels; if the difference is lawful (a split of competence, the law says so), declare it in levelDifferences with its legal basis.',
  },
  doc: {
    what: {
      vi: 'Cùng một dịch vụ công bố ở nhiều cấp (tên giống nhau khi bỏ phần "thực hiện tại cấp…") hoặc bản của tỉnh so với thủ tục gốc: khác thời hạn, khác mức phí, khác thành phần hồ sơ (nêu tên các thành phần khác nhau); bản của tỉnh chậm hơn thủ tục gốc. Mỗi cặp thủ tục được báo một lần.',
      en: 'The same service published at several levels (same name once "thực hiện tại cấp…" is dropped), or a provincial variant against its base: different durations, fees or components (naming the differing components); a variant slower than its base. Each pair is reported once.',
    },
    why: { vi: 'Người dân được đối xử như nhau ở mọi cấp; khác biệt không có lý do là dấu hiệu công bố sai hoặc đặt thêm điều kiện.', en: 'Citizens deserve the same treatment at every level; unexplained differences signal a publishing error or an added requirement.' },
    legalBasis: ['Nghị định 63/2010/NĐ-CP, Điều 8 (sửa đổi bởi Nghị định 92/2017/NĐ-CP)', 'Nghị định 118/2025/NĐ-CP'],
    example: '# 1.001247 (cấp bộ): in-person duration 7 working-days\n# 1.014061 (cấp xã): in-person duration 7 working-days, online 5 working-days — compared per channel',
    limits: {
      vi: 'Dịch vụ được ghép theo tên đã chuẩn hóa, nên hai thủ tục khác nhau trùng tên có thể bị so với nhau. Thành phần so theo tên đã chuẩn hóa; khác cách viết vẫn bị coi là khác. Khác biệt có căn cứ được khai báo bằng levelDifferences (kèm căn cứ pháp lý) thì không bị báo. Không báo: cấp dưới có thời hạn dài hơn cấp trên (thời gian tiếp nhận và chuyển hồ sơ lên cấp trên, thường do luật quy định); thời hạn chia theo giai đoạn hoặc trường hợp; dòng tiêu đề trường hợp ("a) Trường hợp…", "Đối với…:") và câu giải thích về biểu mẫu; thành phần chỉ yêu cầu theo điều kiện, hoặc trong trường hợp được giới hạn bởi một điều khoản hay cơ quan giải quyết (có thể thuộc tình huống mà cấp kia không giải quyết).',
      en: 'Services are paired by normalised name, so two different procedures with one name may be compared. Components are compared by normalised name; other wording counts as different. Differences declared in levelDifferences (with their legal basis) are not reported. Not reported either: a lower level slower than a higher one (receiving and forwarding the dossier, usually set by law); durations given in stages or per case; case headings ("a) Trường hợp…", "Đối với…:") and sentences about a form; a component asked for under a condition, or in a case scoped by a legal provision or by the agency that hears it (it may belong to a situation the other level does not handle).',
    },
    severities: { warning: { vi: 'Mọi khác biệt chưa khai báo.', en: 'Every undeclared difference.' } },
  },
  run(ctx) {
    const out: RawFinding[] = [];
    const targets = new Set(ctx.targets);
    const wanted = ctx.requested ?? targets;
    const pairs: [string, string][] = [];
    for (const group of ctx.index.services.values()) {
      if (group.length < 2 || group.length > 6) continue;
      const levelKey = (c: string): string => [...(ctx.index.procedures.get(c)?.levels ?? [])].sort().join(',');
      for (let i = 0; i < group.length; i++) {
        for (let j = i + 1; j < group.length; j++) {
          const a = group[i] as string;
          const b = group[j] as string;
          if (levelKey(a) === levelKey(b)) continue;
          // Each pair once, on the requested file (the first one when both are).
          if (wanted.has(a)) {
            if (targets.has(a)) pairs.push([a, b]);
          } else if (wanted.has(b) && targets.has(b)) pairs.push([b, a]);
        }
      }
    }
    for (const [base, variants] of ctx.index.variantsOf) for (const v of variants) if (targets.has(v)) pairs.push([v, base]);
    for (const [a, b] of pairs) {
      const pa = ctx.index.procedures.get(a);
      const pb = ctx.index.procedures.get(b);
      if (pa === undefined || pb === undefined) continue;
      const isVariant = ctx.catalogue.procedures.get(a)?.procedure.variantOf === b;
      // Different scopes at the two levels: a split of competence, nothing to align.
      if (!isVariant && scopeOf(pa) !== scopeOf(pb)) continue;
      const what = isVariant ? { vi: 'Bản của tỉnh', en: 'The provincial variant' } : { vi: 'Thủ tục này', en: 'This procedure' };
      const otherLevels = levelsOf(pb);
      for (const ch of CHANNELS) {
        const via = labels(CHANNEL_LABELS, ch);
        const da = pa.channels?.[ch]?.duration;
        const db = pb.channels?.[ch]?.duration;
        // A bare number (no unit) compares with nothing: duration-unit-missing reports it.
        // A duration in stages or per case ("02 ngày … Công an cấp xã gửi …; 03 ngày … Cục gửi
        // thông báo"): the one figure is a stage, not the whole time.
        const staged = (pa.channels?.[ch]?.durationCases ?? []).length > 0 || (pb.channels?.[ch]?.durationCases ?? []).length > 0;
        if (da !== undefined && db !== undefined && da.unit !== undefined && db.unit !== undefined && !staged && !declared(pa, pb, 'duration')) {
          const slower = longer(da, db);
          // A lower level slower than a higher one is the relay: not reported across levels.
          const relay = !isVariant && ((longer(da, db) && below(pa, pb)) || (longer(db, da) && below(pb, pa)));
          const differs = !isVariant && !relay && (da.value !== db.value || da.unit !== db.unit);
          if ((slower && isVariant) || differs) {
            out.push({
              code: a, key: b, pointer: `/channels/${ch}/duration`, related: [{ code: b, pointer: `/channels/${ch}/duration` }],
              data: { what, other: b, otherLevels, detail: { vi: `thời hạn khi nộp ${via.vi} là ${show(da).vi}, bên kia ${show(db).vi}`, en: `the duration ${via.en} is ${show(da).en} against ${show(db).en}` } },
            });
          }
        }
        const money = (n: number): string => n.toLocaleString('vi-VN');
        // Fees in force on the day checked (a fee with validity dates counts only within them).
        const inForce = (f: { validFrom?: string; validTo?: string }): boolean => (f.validFrom === undefined || f.validFrom <= ctx.today) && (f.validTo === undefined || ctx.today <= f.validTo);
        const fa = [...new Set((pa.channels?.[ch]?.fees ?? []).filter(inForce).map((f) => f.amount))].sort((x, y) => x - y);
        const fb = [...new Set((pb.channels?.[ch]?.fees ?? []).filter(inForce).map((f) => f.amount))].sort((x, y) => x - y);
        // A note that changes the amount ("giảm 50% đến hết 31/12/2026"): the figures alone do not compare.
        const adjusted = [...(pa.channels?.[ch]?.fees ?? []), ...(pb.channels?.[ch]?.fees ?? [])].some((f) => /%/u.test(f.note ?? '') || /(giam|mien)/.test(normalise(f.note ?? '')));
        if (!isVariant && !adjusted && fa.length > 0 && fb.length > 0 && fa.join('/') !== fb.join('/') && !declared(pa, pb, 'fees')) {
          out.push({
            code: a, key: b, pointer: `/channels/${ch}/fees`, related: [{ code: b, pointer: `/channels/${ch}/fees` }],
            data: { what, other: b, otherLevels, detail: { vi: `phí khi nộp ${via.vi} là ${fa.map(money).join(' / ')} đồng, bên kia ${fb.map(money).join(' / ')} đồng`, en: `the fees ${via.en} are ${fa.map(money).join(' / ')} VND against ${fb.map(money).join(' / ')} VND` } },
          });
        }
      }
      if (!isVariant && !declared(pa, pb, 'components')) {
        // Components compared by their words, so that one form named two ways ("Mẫu DC02 ban
        // hành kèm theo Thông tư 17/2024" / "Mẫu DC02") counts once; fragments cut by the portal
        // (names that do not start with a letter) are left out.
        // A component asked for under a condition ("when"), or in a case whose heading scopes it
        // by law or by the agency that hears it, may belong to a situation the other level does
        // not handle at all (a split of competence: "Các trường hợp quy định tại khoản 4 Điều 15
        // Luật Xuất cảnh, nhập cảnh … tại Cục Quản lý xuất nhập cảnh"): it is matched against,
        // never reported as asked for by one side only. A case about the applicant's situation
        // ("Trường hợp công dân chưa có thông tin trong CSDL…") arises at every level and is compared.
        const wordsOf = (p: Procedure): { name: string; words: Set<string>; situational: boolean }[] => componentsOf(p)
          .filter((c) => /^[\p{L}\p{N}]/u.test(c.component.name.trim()) && !notADocument(c.component.name))
          .map((c) => ({ name: c.component.name, words: componentWords(c.component.name), situational: c.component.when !== undefined || scopedCase(p, c.caseId) }));
        const ka = wordsOf(pa);
        const kb = wordsOf(pb);
        // A text one record prints as a remark and the other as a component (the portal's "0 bản
        // chính" vs "1 bản sao") is the same text: compare against both.
        const notesA = (pa.componentNotes ?? []).map((n) => componentWords(n));
        const notesB = (pb.componentNotes ?? []).map((n) => componentWords(n));
        const onlyA = ka.filter((x) => !x.situational && !kb.some((y) => sameDocument(x.words, y.words)) && !notesB.some((w) => sameDocument(x.words, w))).map((x) => x.name);
        const onlyB = kb.filter((y) => !y.situational && !ka.some((x) => sameDocument(x.words, y.words)) && !notesA.some((w) => sameDocument(y.words, w))).map((y) => y.name);
        if (ka.length > 0 && kb.length > 0 && (onlyA.length > 0 || onlyB.length > 0)) {
          const here = someNames(onlyA);
          const there = someNames(onlyB);
          const parts: Bilingual[] = [];
          if (onlyA.length > 0) parts.push({ vi: `chỉ thủ tục này yêu cầu ${here.vi}`, en: `only this one asks for ${here.en}` });
          if (onlyB.length > 0) parts.push({ vi: `chỉ ${b} yêu cầu ${there.vi}`, en: `only ${b} asks for ${there.en}` });
          out.push({
            code: a, key: b, pointer: '/components', mode: 'key', related: [{ code: b, pointer: '/components' }],
            data: { what, other: b, otherLevels, detail: { vi: `thành phần hồ sơ khác nhau — ${parts.map((p) => p.vi).join('; ')}`, en: `the components differ — ${parts.map((p) => p.en).join('; ')}` } },
          });
        }
      }
    }
    return out;
  },
});
