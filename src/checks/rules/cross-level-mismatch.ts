import type { Procedure } from '../../../generated/types/catalogue.js';
import { CHANNEL_LABELS, LEVEL_LABELS, labels } from '../../i18n/labels.js';
import type { Bilingual } from '../../i18n/lang.js';
import { defineRule } from '../define.js';
import { componentsOf, documentKey } from '../index-build.js';
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
      vi: 'Dịch vụ được ghép theo tên đã chuẩn hóa, nên hai thủ tục khác nhau trùng tên có thể bị so với nhau. Thành phần so theo tên đã chuẩn hóa; khác cách viết vẫn bị coi là khác. Khác biệt có căn cứ được khai báo bằng levelDifferences (kèm căn cứ pháp lý) thì không bị báo.',
      en: 'Services are paired by normalised name, so two different procedures with one name may be compared. Components are compared by normalised name; other wording counts as different. Differences declared in levelDifferences (with their legal basis) are not reported.',
    },
    severities: { warning: { vi: 'Mọi khác biệt chưa khai báo.', en: 'Every undeclared difference.' } },
  },
  run(ctx) {
    const out: RawFinding[] = [];
    const wanted = new Set(ctx.targets);
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
          if (wanted.has(a)) pairs.push([a, b]);
          else if (wanted.has(b)) pairs.push([b, a]);
        }
      }
    }
    for (const [base, variants] of ctx.index.variantsOf) for (const v of variants) if (wanted.has(v)) pairs.push([v, base]);
    for (const [a, b] of pairs) {
      const pa = ctx.index.procedures.get(a);
      const pb = ctx.index.procedures.get(b);
      if (pa === undefined || pb === undefined) continue;
      const isVariant = ctx.catalogue.procedures.get(a)?.procedure.variantOf === b;
      const what = isVariant ? { vi: 'Bản của tỉnh', en: 'The provincial variant' } : { vi: 'Thủ tục này', en: 'This procedure' };
      const otherLevels = levelsOf(pb);
      for (const ch of CHANNELS) {
        const via = labels(CHANNEL_LABELS, ch);
        const da = pa.channels?.[ch]?.duration;
        const db = pb.channels?.[ch]?.duration;
        if (da !== undefined && db !== undefined && !declared(pa, pb, 'duration')) {
          const slower = longer(da, db);
          const differs = !isVariant && (da.value !== db.value || da.unit !== db.unit);
          if (slower || differs) {
            out.push({
              code: a, key: b, pointer: `/channels/${ch}/duration`, related: [{ code: b, pointer: `/channels/${ch}/duration` }],
              data: { what, other: b, otherLevels, detail: { vi: `thời hạn khi nộp ${via.vi} là ${show(da).vi}, bên kia ${show(db).vi}`, en: `the duration ${via.en} is ${show(da).en} against ${show(db).en}` } },
            });
          }
        }
        const money = (n: number): string => n.toLocaleString('vi-VN');
        const fa = (pa.channels?.[ch]?.fees ?? []).map((f) => f.amount).sort((x, y) => x - y);
        const fb = (pb.channels?.[ch]?.fees ?? []).map((f) => f.amount).sort((x, y) => x - y);
        if (!isVariant && fa.length > 0 && fb.length > 0 && fa.join('/') !== fb.join('/') && !declared(pa, pb, 'fees')) {
          out.push({
            code: a, key: b, pointer: `/channels/${ch}/fees`, related: [{ code: b, pointer: `/channels/${ch}/fees` }],
            data: { what, other: b, otherLevels, detail: { vi: `phí khi nộp ${via.vi} là ${fa.map(money).join(' / ')} đồng, bên kia ${fb.map(money).join(' / ')} đồng`, en: `the fees ${via.en} are ${fa.map(money).join(' / ')} VND against ${fb.map(money).join(' / ')} VND` } },
          });
        }
      }
      if (!isVariant && !declared(pa, pb, 'components')) {
        const byKey = (p: Procedure): Map<string, string> => new Map(componentsOf(p).map((c) => [documentKey(c.component.name), c.component.name]));
        const ka = byKey(pa);
        const kb = byKey(pb);
        const onlyA = [...ka].filter(([k]) => !kb.has(k)).map(([, n]) => n);
        const onlyB = [...kb].filter(([k]) => !ka.has(k)).map(([, n]) => n);
        if (ka.size > 0 && kb.size > 0 && (onlyA.length > 0 || onlyB.length > 0)) {
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
