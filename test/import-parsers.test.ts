import { describe, expect, it } from 'vitest';
import { inferUnit, parseChannelTable } from '../src/import/dvc/channels.js';
import { groupKind, isGenericTitle, parseComponentTable, splitTemplates } from '../src/import/dvc/components.js';
import { parseLegalBasis } from '../src/import/dvc/legal.js';
import { parseResults } from '../src/import/dvc/results.js';
import { slugify, splitList } from '../src/import/dvc/text.js';

// Every input below is a real flattened string from data/dvc (shortened where the
// rest adds nothing), named by what it shows.

const H = 'Hình thức nộpThời gianPhí, lệ phíMô tả';

describe('channel table (cách thức thực hiện)', () => {
  it('reads a bare number as a duration without unit (1.001193)', () => {
    const t = parseChannelTable(`${H}Trực tuyến1Miễn phíDịch vụ bưu chính1Miễn phíTrực tiếp1Miễn phí`);
    expect(t.rows.map((r) => [r.channel, r.durationState, r.duration, r.feeState])).toEqual([
      ['online', 'bare', { value: 1 }, 'free'],
      ['postal', 'bare', { value: 1 }, 'free'],
      ['in-person', 'bare', { value: 1 }, 'free'],
    ]);
    expect(t.leftover).toBe('');
  });

  it('reads "N Ngày làm việc" and keeps the description (1.009724)', () => {
    const t = parseChannelTable(`${H}Trực tuyến7 Ngày làm việcMiễn phíTrong vòng 07 (bảy) ngày làm việc kể từ ngày nhận hồ sơ đầy đủ và hợp lệ;Trực tiếp7 Ngày làm việcMiễn phí Trong vòng 07 (bảy) ngày làm việc`);
    expect(t.rows[0]).toMatchObject({ channel: 'online', durationState: 'explicit', duration: { value: 7, unit: 'working-days' } });
    expect(t.rows[0]?.description).toBe('Trong vòng 07 (bảy) ngày làm việc kể từ ngày nhận hồ sơ đầy đủ và hợp lệ;');
    expect(t.rows[1]?.channel).toBe('in-person');
  });

  it('reads calendar days, hours and months', () => {
    const t = parseChannelTable(`${H}Trực tuyến25 NgàyMiễn phíDịch vụ bưu chính24 GiờMiễn phíTrực tiếp3 ThángMiễn phí`);
    expect(t.rows.map((r) => r.duration)).toEqual([{ value: 25, unit: 'days' }, { value: 24, unit: 'hours' }, { value: 3, unit: 'months' }]);
  });

  it('reads an amount with a per-unit note, and "Không có thông tin" as no duration (1.013804)', () => {
    const t = parseChannelTable(`${H}Trực tuyếnKhông có thông tin500,000 Việt Nam Đồng(/hồ sơ)Trực tiếpKhông có thông tin500,000 Việt Nam Đồng(/hồ sơ)`);
    expect(t.rows[0]).toMatchObject({ durationState: 'none', feeState: 'amounts', fees: [{ amount: 500000, per: 'hồ sơ' }] });
    expect(t.rows[0]?.duration).toBeUndefined();
  });

  it('keeps the currency of a fee set in USD (1.003213)', () => {
    const t = parseChannelTable(`${H}Trực tuyếnKhông có thông tin150 USD(Mức lệ phí được quy đổi ra đồng tiền của nước sở tại.)Nộp cho Cơ quan đại diện`);
    expect(t.rows[0]?.fees).toEqual([{ amount: 150, currency: 'USD', note: 'Mức lệ phí được quy đổi ra đồng tiền của nước sở tại.' }]);
    expect(t.rows[0]?.description).toBe('Nộp cho Cơ quan đại diện');
  });

  it('keeps the note of "Miễn phí(…)" with the fee (1.000094)', () => {
    const t = parseChannelTable(`${H}Trực tuyến3Miễn phí(Mức lệ phí cụ thể do Hội đồng nhân dân tỉnh quyết định.)`);
    expect(t.rows[0]?.fees).toEqual([{ label: 'Miễn phí', amount: 0, note: 'Mức lệ phí cụ thể do Hội đồng nhân dân tỉnh quyết định.' }]);
  });

  it('cuts a bare duration glued to an amount when only one cut is possible (1.000005)', () => {
    const t = parseChannelTable(`${H}Trực tuyến120,000 VNĐ(Theo khoản 1 Điều 3 Thông tư số 172/2010/TT-BTC)`);
    expect(t.rows[0]).toMatchObject({ duration: { value: 1 }, feeState: 'amounts' });
    expect(t.rows[0]?.fees[0]?.amount).toBe(20000);
  });

  it('refuses to guess when a glued duration and amount can be cut two ways (2.002031)', () => {
    const t = parseChannelTable(`${H}Trực tiếp125 VNĐ`);
    expect(t.rows[0]?.feeState).toBe('unparsed');
    expect(t.rows[0]?.fees).toEqual([]);
  });

  it('reads a free-text duration as text, not as a number (1.008312)', () => {
    const t = parseChannelTable(`${H}Trực tuyếnKhông quy địnhMiễn phíQua Cổng DVC Quốc giaDịch vụ bưu chínhKhông quy địnhMiễn phíQua bưu chính`);
    expect(t.rows.map((r) => [r.channel, r.durationState, r.durationText])).toEqual([
      ['online', 'text', 'Không quy định'],
      ['postal', 'text', 'Không quy định'],
    ]);
  });

  it('infers a unit only from the same number in the record', () => {
    expect(inferUnit(7, ['Trong vòng 07 (bảy) ngày làm việc kể từ ngày nhận hồ sơ'])).toEqual({ unit: 'working-days', evidence: '07 (bảy) ngày làm việc' });
    expect(inferUnit(3, ['Trong vòng 07 ngày làm việc'])).toBeUndefined();
    expect(inferUnit(5, ['5 ngày làm việc', '5 ngày'])).toBeUndefined();
  });
});

describe('component table (thành phần hồ sơ)', () => {
  const HDR = 'Tên giấy tờMẫu đơn, tờ khaiSố lượng';

  it('splits groups to submit and to present, with quantities (1.000094)', () => {
    const t = parseComponentTable(`* Giấy tờ phải nộp:${HDR}- Bản sao giấy tờ chứng minh nhân thân.0 bản chính,1 bản sao- Giấy tờ xác nhận tình trạng hôn nhân;1 bản chính* Giấy tờ phải xuất trình:${HDR}- Hộ chiếu hoặc giấy tờ tùy thân.1 bản chính`);
    expect(t.groups.map((g) => [g.title, groupKind(g.title), isGenericTitle(g.title)])).toEqual([
      ['* Giấy tờ phải nộp:', 'submit', true],
      ['* Giấy tờ phải xuất trình:', 'present', true],
    ]);
    expect(t.groups[0]?.rows.map((r) => [r.name, r.originals, r.copies])).toEqual([
      ['Bản sao giấy tờ chứng minh nhân thân.', 0, 1],
      ['Giấy tờ xác nhận tình trạng hôn nhân;', 1, 0],
    ]);
  });

  it('keeps rows with no quantity (notes) apart and splits the template off (1.002270)', () => {
    const t = parseComponentTable(`--${HDR}- Trường hợp ủy quyền phải kèm theo giấy ủy quyền hợp pháp.1 bản chínhNếu không thể khai thác được thông tin cư trú thì yêu cầu công dân nộp bản sao.0 bản chính- Đơn đề nghị xác nhận kết quả thi hành án (Mẫu D07-THADS).MauDon.docx1 bản chính`);
    const rows = t.groups[0]?.rows ?? [];
    expect(rows.map((r) => [r.name, r.templates, r.originals + r.copies])).toEqual([
      ['Trường hợp ủy quyền phải kèm theo giấy ủy quyền hợp pháp.', [], 1],
      ['Nếu không thể khai thác được thông tin cư trú thì yêu cầu công dân nộp bản sao.', [], 0],
      ['Đơn đề nghị xác nhận kết quả thi hành án (Mẫu D07-THADS).', ['MauDon.docx'], 1],
    ]);
  });

  it('does not take "01 bản chính hoặc bản sao" inside a name for a quantity', () => {
    const t = parseComponentTable(`--${HDR}- Giấy phép kinh doanh (01 bản chính hoặc bản sao có chứng thực).1 bản chính,1 bản sao`);
    expect(t.groups[0]?.rows.map((r) => [r.name, r.originals, r.copies])).toEqual([
      ['Giấy phép kinh doanh (01 bản chính hoặc bản sao có chứng thực).', 1, 1],
    ]);
  });

  it('reads a case title between groups', () => {
    const t = parseComponentTable(`--${HDR}- Tờ khai.1 bản chínhTrường hợp ủy quyền:${HDR}- Văn bản ủy quyền.1 bản chính`);
    expect(t.groups.map((g) => g.title)).toEqual(['--', 'Trường hợp ủy quyền:']);
    expect(isGenericTitle('Trường hợp ủy quyền:')).toBe(false);
  });

  it('cuts template file names at the turn from the name', () => {
    expect(splitTemplates('Báo cáo đánh giá rủi ro đối với sức khỏe con người và vật nuôiBao cao DG rui ro GMO.con nguoi, vat nuoi.docx')).toEqual({
      name: 'Báo cáo đánh giá rủi ro đối với sức khỏe con người và vật nuôi',
      templates: ['Bao cao DG rui ro GMO.con nguoi, vat nuoi.docx'],
    });
    expect(splitTemplates('Đơn đề nghị trả lạiMau 36 - Phu luc II_36.2025.TT-BNNMT_02.7.2025.doc').templates).toEqual(['Mau 36 - Phu luc II_36.2025.TT-BNNMT_02.7.2025.doc']);
    expect(splitTemplates('Phiếu đề nghị (ban hành kèm theo Thông tư của Bộ Công an)Mẫu DC02 Phiếu đề nghị giải quyết thủ tục về căn cước.doc').templates).toEqual(['Mẫu DC02 Phiếu đề nghị giải quyết thủ tục về căn cước.doc']);
  });

  it('reports text with no column header as unstructured', () => {
    const t = parseComponentTable('phải được kê khai và ký chữ ký số trên các biểu mẫu điện tử');
    expect(t.groups).toEqual([]);
    expect(t.unstructured).toBe('phải được kê khai và ký chữ ký số trên các biểu mẫu điện tử');
  });
});

describe('legal basis (căn cứ pháp lý)', () => {
  it('cuts titles and numbers glued together (1.001193)', () => {
    const t = parseLegalBasis('Tên văn bản pháp lýMã văn bảnThông tư Hướng dẫn về phí và lệ phí thuộc thẩm quyền quyết định của Hội đồng nhân dân tỉnh, thành phố trực thuộc Trung ương85/2019/TT-BTCNghị định số 123/2015/NĐ-CP ngày 15/11/2015 của  Chính phủ quy định chi tiết một số điều và biện pháp thi  hành Luật Hộ tịch123/2015/NĐ-CP');
    expect(t.entries).toEqual([
      { number: '85/2019/TT-BTC', title: 'Thông tư Hướng dẫn về phí và lệ phí thuộc thẩm quyền quyết định của Hội đồng nhân dân tỉnh, thành phố trực thuộc Trung ương' },
      { number: '123/2015/NĐ-CP', title: 'Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 của Chính phủ quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch' },
    ]);
    expect(t.leftover).toEqual([]);
  });

  it('reads a title that ends with its own number, legislature numbers, and decimals (1.000094)', () => {
    const t = parseLegalBasis('Tên văn bản pháp lýMã văn bảnNghị quyết số 66.7/2025/NQ-CP của Chính phủ66.7/2025/NQ-CPLuật 52/2014/QH1352/2014/QH13Luật 60/2014/QH1360/2014/QH13');
    expect(t.entries.map((e) => [e.number, e.title])).toEqual([
      ['66.7/2025/NQ-CP', 'Nghị quyết số 66.7/2025/NQ-CP của Chính phủ'],
      ['52/2014/QH13', 'Luật 52/2014/QH13'],
      ['60/2014/QH13', 'Luật 60/2014/QH13'],
    ]);
  });

  it('reads Prime Minister decisions (TTg) and keeps unreadable text for review', () => {
    const t = parseLegalBasis('Tên văn bản pháp lýMã văn bảnQuyết định về cơ chế một cửa45/2016/QĐ-TTgVăn bản không có số');
    expect(t.entries).toEqual([{ number: '45/2016/QĐ-TTg', title: 'Quyết định về cơ chế một cửa' }]);
    expect(t.leftover).toEqual(['Văn bản không có số']);
  });
});

describe('results (kết quả)', () => {
  it('drops the portal interface text (1.001193)', () => {
    expect(parseResults('Giấy khai sinhMã: KQ.G15.000031Từ khóaKhông có thông tinMô tảKhông có thông tinChọn cơ quan thực hiện').results).toEqual([
      { name: 'Giấy khai sinh', code: 'KQ.G15.000031' },
    ]);
  });

  it('reads several results and the older code form (1.009724, 1.001388)', () => {
    expect(parseResults('Công văn từ chốiMã: KQ.G12.001145Văn bản chấp thuậnMã: KQ.G12.001151Từ khóa').results).toEqual([
      { name: 'Công văn từ chối', code: 'KQ.G12.001145' },
      { name: 'Văn bản chấp thuận', code: 'KQ.G12.001151' },
    ]);
    expect(parseResults('Phép bayMã: 000.00.00.G04-KQ0174Từ khóa').results).toEqual([{ name: 'Phép bay', code: '000.00.00.G04-KQ0174' }]);
  });

  it('keeps "Mã:" followed by something else for review', () => {
    const r = parseResults('Quyết địnhMã: đang cập nhậtTừ khóa');
    expect(r.results).toEqual([]);
    expect(r.leftover).toEqual(['Quyết định Mã: đang cập nhật']);
  });
});

describe('text helpers', () => {
  it('splits lists but not inside parentheses', () => {
    expect(splitList('Doanh nghiệp, Tổ chức (không bao gồm doanh nghiệp, HTX)')).toEqual(['Doanh nghiệp', 'Tổ chức (không bao gồm doanh nghiệp, HTX)']);
  });

  it('makes ids from Vietnamese names', () => {
    expect(slugify('Tờ khai đăng ký khai sinh')).toBe('to-khai-dang-ky-khai-sinh');
    expect(slugify('Đơn đề nghị cấp Giấy phép xây dựng theo mẫu số 01', 24)).toBe('don-de-nghi-cap-giay');
    expect(slugify('(*)')).toBe('muc');
  });
});
