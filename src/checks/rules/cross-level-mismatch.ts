import { defineRule } from '../define.js';
import { componentsOf, documentKey } from '../index-build.js';
import type { RawFinding } from '../types.js';
import { longer, show } from './duration-helpers.js';

const CHANNELS = ['in-person', 'online', 'postal'] as const;

/** The same service at different levels or in a variant, with different durations or components. */
export const crossLevelMismatch = defineRule({
  id: 'cross-level-mismatch',
  code: 'TTHC413',
  severity: 'warning',
  category: 'consistency',
  message: {
    vi: '{what} khác với {other} ({otherLevels}): {detail}.',
    en: '{what} differs from {other} ({otherLevels}): {detail}.',
  },
  hint: { vi: 'Thống nhất giữa các cấp, hoặc ghi lý do (review, note) nếu sự khác biệt có căn cứ.', en: 'Align the levels, or state the reason (review, note) when the difference is lawful.' },
  doc: {
    what: { vi: 'Cùng một dịch vụ công bố ở nhiều cấp (tên giống nhau khi bỏ phần "thực hiện tại cấp…", hoặc related: same-service) hoặc bản của tỉnh so với thủ tục gốc: khác thời hạn, khác mức phí, khác thành phần hồ sơ; bản của tỉnh chậm hơn thủ tục gốc.', en: 'The same service published at several levels (same name once "thực hiện tại cấp…" is dropped, or related: same-service), or a provincial variant against its base: different durations, fees or components; a variant slower than its base.' },
    why: { vi: 'Người dân được đối xử như nhau ở mọi cấp; khác biệt không có lý do là dấu hiệu công bố sai hoặc đặt thêm điều kiện.', en: 'Citizens deserve the same treatment at every level; unexplained differences signal a publishing error or an added requirement.' },
    legalBasis: ['Nghị định 63/2010/NĐ-CP, Điều 8 (sửa đổi bởi Nghị định 92/2017/NĐ-CP)', 'Nghị định 118/2025/NĐ-CP'],
    example: '# 1.001247 (cấp bộ): in-person duration 7 working-days\n# 1.014061 (cấp xã): in-person duration 7 working-days, online 5 working-days — compared per channel',
    limits: { vi: 'Dịch vụ được ghép theo tên đã chuẩn hóa, nên hai thủ tục khác nhau trùng tên có thể bị so với nhau. Thành phần so theo tên đã chuẩn hóa; khác cách viết vẫn bị coi là khác. Thủ tục có mục review được coi là đã ghi lý do.', en: 'Services are paired by normalised name, so two different procedures with one name may be compared. Components are compared by normalised name; other wording counts as different. A procedure with review items counts as having stated its reason.' },
  },
  run(ctx) {
    const out: RawFinding[] = [];
    const wanted = new Set(ctx.targets);
    const pairs: [string, string][] = [];
    for (const group of ctx.index.services.values()) {
      if (group.length < 2 || group.length > 6) continue;
      const levelsOf = (c: string): string => [...(ctx.index.procedures.get(c)?.levels ?? [])].sort().join(',');
      for (let i = 0; i < group.length; i++) {
        for (let j = 0; j < group.length; j++) {
          const a = group[i] as string;
          const b = group[j] as string;
          if (a !== b && levelsOf(a) !== levelsOf(b) && wanted.has(a)) pairs.push([a, b]);
        }
      }
    }
    for (const [base, variants] of ctx.index.variantsOf) for (const v of variants) if (wanted.has(v)) pairs.push([v, base]);
    for (const [a, b] of pairs) {
      const pa = ctx.index.procedures.get(a);
      const pb = ctx.index.procedures.get(b);
      if (pa === undefined || pb === undefined) continue;
      const isVariant = ctx.catalogue.procedures.get(a)?.procedure.variantOf === b;
      if (!isVariant && (pa.review ?? []).length > 0) continue;
      const what = isVariant ? { vi: 'Bản của tỉnh', en: 'The provincial variant' } : { vi: 'Thủ tục này', en: 'This procedure' };
      const otherLevels = (pb.levels ?? []).join(', ') || '—';
      for (const ch of CHANNELS) {
        const da = pa.channels?.[ch]?.duration;
        const db = pb.channels?.[ch]?.duration;
        if (da === undefined || db === undefined) continue;
        const slower = longer(da, db);
        const differs = !isVariant && (da.value !== db.value || da.unit !== db.unit);
        if (slower || differs) {
          out.push({
            code: a, pointer: `/channels/${ch}/duration`, related: [{ code: b, pointer: `/channels/${ch}/duration` }],
            data: { what, other: b, otherLevels, detail: { vi: `thời hạn ${ch} ${show(da)} so với ${show(db)}`, en: `${ch} duration ${show(da)} against ${show(db)}` } },
          });
        }
        const fa = (pa.channels?.[ch]?.fees ?? []).map((f) => f.amount).sort().join('/');
        const fb = (pb.channels?.[ch]?.fees ?? []).map((f) => f.amount).sort().join('/');
        if (!isVariant && fa !== '' && fb !== '' && fa !== fb) {
          out.push({
            code: a, pointer: `/channels/${ch}/fees`, related: [{ code: b, pointer: `/channels/${ch}/fees` }],
            data: { what, other: b, otherLevels, detail: { vi: `phí ${ch} ${fa} so với ${fb}`, en: `${ch} fees ${fa} against ${fb}` } },
          });
        }
      }
      if (!isVariant) {
        const ka = new Set(componentsOf(pa).map((c) => documentKey(c.component.name)));
        const kb = new Set(componentsOf(pb).map((c) => documentKey(c.component.name)));
        const onlyA = [...ka].filter((k) => !kb.has(k)).length;
        const onlyB = [...kb].filter((k) => !ka.has(k)).length;
        if (ka.size > 0 && kb.size > 0 && (onlyA > 0 || onlyB > 0)) {
          out.push({
            code: a, pointer: '/components', related: [{ code: b, pointer: '/components' }],
            data: { what, other: b, otherLevels, detail: { vi: `${onlyA} thành phần chỉ có ở đây, ${onlyB} chỉ có ở ${b}`, en: `${onlyA} components only here, ${onlyB} only in ${b}` } },
          });
        }
      }
    }
    return out;
  },
});
