import { describe, expect, it } from 'vitest';
import type { Procedure } from '../generated/types/catalogue.js';
import { resolveVariant } from '../src/catalogue/variant.js';

const base: Procedure = {
  code: '1.000001',
  name: 'Thủ tục gốc',
  field: 'Hộ tịch',
  levels: ['commune'],
  online: 'partial',
  agencies: { competent: ['UBND cấp xã'], implementing: ['Công chức tư pháp - hộ tịch'] },
  channels: {
    'in-person': { duration: { value: 3, unit: 'working-days' }, fees: [{ amount: 10000 }] },
    online: { duration: { value: 3, unit: 'working-days' }, fees: [{ amount: 5000 }] },
  },
  facts: { abroad: { type: 'boolean', question: 'Ở nước ngoài?' } },
  components: [
    { id: 'to-khai', name: 'Tờ khai', kind: 'submit' },
    { id: 'so-ho-khau', name: 'Sổ hộ khẩu', kind: 'present' },
    { id: 'cmnd', name: 'CMND', kind: 'present' },
  ],
  cases: [{ id: 'nuoc-ngoai', name: 'Trường hợp ở nước ngoài', when: 'abroad', components: [{ id: 'ho-chieu', name: 'Hộ chiếu', kind: 'present' }] }],
  legalBasis: [{ number: '1/2020/NĐ-CP' }, { number: '2/2021/TT-BTP', articles: ['Điều 1'] }],
  provenance: [{ url: 'https://example.gov.vn/base' }],
  review: [{ question: 'Câu hỏi của bản gốc' }],
};

const overlay: Procedure = {
  code: '1.000001.000.00.00.H38',
  variantOf: '1.000001',
  jurisdiction: { province: 'lao-cai', name: 'Lào Cai' },
  fourOnSpot: true,
  agencies: { competent: ['UBND xã (Lào Cai)'] },
  channels: { 'in-person': { fees: [{ amount: 8000 }] } },
  removeComponents: ['so-ho-khau'],
  components: [
    { id: 'cmnd', name: 'Thẻ căn cước', kind: 'present' },
    { id: 'ho-chieu', name: 'Hộ chiếu còn hạn', kind: 'present' },
    { id: 'xac-nhan-dia-phuong', name: 'Giấy xác nhận của thôn', kind: 'submit' },
  ],
  legalBasis: [{ number: '2/2021/TT-BTP', articles: ['Điều 2'] }, { number: '99/QĐ-UBND' }],
  provenance: [{ url: 'https://example.gov.vn/lao-cai' }],
  review: [{ question: 'Câu hỏi của tỉnh' }],
};

describe('a provincial variant resolves onto its base by the documented rules', () => {
  const { procedure: r, originOf } = resolveVariant(base, '/base.yaml', overlay, '/lao-cai.yaml');

  it('takes code, variantOf, jurisdiction and stated scalars from the variant, the rest from the base', () => {
    expect(r.code).toBe('1.000001.000.00.00.H38');
    expect(r.variantOf).toBe('1.000001');
    expect(r.jurisdiction?.province).toBe('lao-cai');
    expect(r.fourOnSpot).toBe(true);
    expect(r.name).toBe('Thủ tục gốc');
    expect(r.online).toBe('partial');
    expect(r.levels).toEqual(['commune']);
  });

  it('merges agencies and channels key by key', () => {
    expect(r.agencies).toEqual({ competent: ['UBND xã (Lào Cai)'], implementing: ['Công chức tư pháp - hộ tịch'] });
    expect(r.channels?.['in-person']).toEqual({ duration: { value: 3, unit: 'working-days' }, fees: [{ amount: 8000 }] });
    expect(r.channels?.online).toEqual(base.channels?.online);
  });

  it('removes, replaces in place (also inside cases) and appends components by id', () => {
    expect(r.components?.map((c) => `${c.id}:${c.name}`)).toEqual(['to-khai:Tờ khai', 'cmnd:Thẻ căn cước', 'xac-nhan-dia-phuong:Giấy xác nhận của thôn']);
    expect(r.cases?.[0]?.components.map((c) => c.name)).toEqual(['Hộ chiếu còn hạn']);
    expect(r).not.toHaveProperty('removeComponents');
  });

  it('unions legal bases by number, the variant winning, and keeps both files\' sources and review items', () => {
    expect(r.legalBasis).toEqual([{ number: '1/2020/NĐ-CP' }, { number: '2/2021/TT-BTP', articles: ['Điều 2'] }, { number: '99/QĐ-UBND' }]);
    expect(r.provenance.map((p) => p.url)).toEqual(['https://example.gov.vn/lao-cai', 'https://example.gov.vn/base']);
    expect(r.review?.map((q) => q.question)).toEqual(['Câu hỏi của bản gốc', 'Câu hỏi của tỉnh']);
  });

  it('remembers which file and pointer each part comes from', () => {
    expect(originOf('/name')).toEqual({ file: '/base.yaml', pointer: '/name' });
    expect(originOf('/fourOnSpot')).toEqual({ file: '/lao-cai.yaml', pointer: '/fourOnSpot' });
    expect(originOf('/components/0/name')).toEqual({ file: '/base.yaml', pointer: '/components/0/name' });
    expect(originOf('/components/1/name')).toEqual({ file: '/lao-cai.yaml', pointer: '/components/0/name' });
    expect(originOf('/components/2')).toEqual({ file: '/lao-cai.yaml', pointer: '/components/2' });
    expect(originOf('/cases/0/components/0')).toEqual({ file: '/lao-cai.yaml', pointer: '/components/1' });
    expect(originOf('/channels/in-person/fees/0/amount')).toEqual({ file: '/lao-cai.yaml', pointer: '/channels/in-person/fees/0/amount' });
    expect(originOf('/channels/in-person/duration')).toEqual({ file: '/base.yaml', pointer: '/channels/in-person/duration' });
    expect(originOf('/provenance/1')).toEqual({ file: '/base.yaml', pointer: '/provenance/0' });
  });

  it('is frozen', () => {
    expect(Object.isFrozen(r)).toBe(true);
    expect(Object.isFrozen(r.components)).toBe(true);
  });
});
