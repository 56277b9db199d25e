import { describe, expect, it } from 'vitest';
import { inferUnit, parseChannelTable } from '../src/import/dvc/channels.js';
import { groupKind, isGenericTitle, isNoteRow, namesDocument, parseComponentTable, splitTemplates } from '../src/import/dvc/components.js';
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

  it('refuses to guess when a glued duration and amount can be cut two ways: neither the duration nor the fee is taken (2.002031)', () => {
    const t = parseChannelTable(`${H}Trực tiếp125 VNĐ`);
    expect(t.rows[0]?.feeState).toBe('unparsed');
    expect(t.rows[0]?.fees).toEqual([]);
    expect(t.rows[0]?.durationState).toBe('glued');
    expect(t.rows[0]?.duration).toBeUndefined();
  });

  it('reads "220 VNĐ" as 2 + 20 (the only reading: the portal never prints "0 VNĐ"), not 22 + 0, and says it was glued (1.007857)', () => {
    const t = parseChannelTable(`${H}Trực tuyến220 VNĐ(lệ phí hải quan 20.000 đồng/ tờ khai hải quan.)Trực tiếp2 GiờMiễn phí`);
    expect(t.rows[0]).toMatchObject({ durationState: 'bare', duration: { value: 2 }, gluedCell: '220', fees: [{ amount: 20 }] });
    expect(t.rows[1]).toMatchObject({ durationState: 'explicit', duration: { value: 2, unit: 'hours' } });
    expect(t.rows[1]?.gluedCell).toBeUndefined();
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

describe('component rows: notes and documents', () => {
  it('takes "Lưu ý: …" rows as remarks whatever quantity the portal prints (1.002548)', () => {
    expect(isNoteRow('Lưu ý: Trường hợp không khai thác được thông tin … yêu cầu cá nhân, tổ chức bổ sung một trong các giấy tờ sau đây: Thẻ căn cước công dân, Chứng minh nhân dân, Hộ chiếu')).toBe(true);
    expect(isNoteRow('Lưu ý:- Trường hợp nộp hồ sơ trực tiếp tại cơ quan đăng ký cư trú')).toBe(true);
    expect(isNoteRow('Họ tên của các cán bộ quản lý chính, bao gồm những người chịu trách nhiệm về khai thác bay')).toBe(false);
  });

  it('keeps a "0 bản chính" row that names a form as a document (3.000271, mẫu TK03), and a rule about documents as a remark', () => {
    expect(namesDocument('Phiếu đề nghị khóa, mở khóa tài khoản định danh điện tử, căn cước điện tử (mẫu TK03 ban hành kèm theo Nghị định số 69/2024/NĐ-CP)', ['TK03-Phiunghkhamkhatikhonnhdanhintcnccint.docx'])).toBe(true);
    expect(namesDocument('Tờ khai hải quan: 02 bản chính', [])).toBe(true);
    expect(namesDocument('Dự thảo Điều lệ quỹ đối với mỗi quỹ hưu trí dự kiến thành lập đáp ứng quy định tại Điều 11 Nghị định số 85/2026/NĐ-CP.', [])).toBe(true);
    expect(namesDocument('Bản chụp các giấy tờ gửi kèm theo hồ sơ đăng ký khai sinh trực tuyến phải bảo đảm rõ nét, đầy đủ, toàn vẹn về nội dung', [])).toBe(false);
    expect(namesDocument('Giấy tờ do cơ quan có thẩm quyền của nước ngoài cấp … phải được hợp pháp hóa lãnh sự', [])).toBe(false);
    expect(namesDocument('Đối với hàng hóa tạm nhập thì nộp bổ sung:', [])).toBe(false);
    expect(namesDocument('Trường hợp người yêu cầu nộp bản chụp kèm theo bản chính giấy tờ', [])).toBe(false);
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

  it('drops a dash-only trailer after the last row instead of keeping it for review (6.003634), and keeps a real one', () => {
    const dashes = parseComponentTable(`--${HDR}- Giấy tờ nghiệm thu đưa nhà ở vào sử dụng.1 bản chính----`);
    expect(dashes.groups.map((g) => [g.rows.length, g.trailing])).toEqual([[1, '']]);
    const note = parseComponentTable(`--${HDR}- Giấy tờ nghiệm thu đưa nhà ở vào sử dụng.1 bản chínhLưu ý: nộp bản chụp kèm bản chính.`);
    expect(note.groups.map((g) => [g.rows.length, g.trailing])).toEqual([[1, 'Lưu ý: nộp bản chụp kèm bản chính.']]);
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

describe('legal numbers never truncated (căn cứ pháp lý)', () => {
  const L = 'Tên văn bản pháp lýMã văn bản';
  it('does not take the first word of the next title into the ký hiệu ("NĐ-CP" + "Luật…", "LUẬT…") (1.002866)', () => {
    const t = parseLegalBasis(`${L}Nghị định 64/2022/NĐ-CP64/2022/NĐ-CPLUẬT  HÀNG KHÔNG DÂN DỤNG VIỆT NAM66/2006/QH11Nghị định 166/2016/NĐ-CP166/2016/NĐ-CPLuật Giao dịch điện tử20/2023/QH15`, 2026);
    expect(t.entries.map((e) => e.number)).toEqual(['64/2022/NĐ-CP', '66/2006/QH11', '166/2016/NĐ-CP', '20/2023/QH15']);
    expect(t.entries[1]?.title).toBe('LUẬT HÀNG KHÔNG DÂN DỤNG VIỆT NAM');
    expect(t.problems).toEqual([]);
  });

  it('keeps the legislature when the next title starts in lower case ("QH15hướng dẫn…") (1.000188)', () => {
    const t = parseLegalBasis(`${L}Luật Các tổ chức tín dụngLuật số 32/2024/QH15hướng dẫn thủ tục chấp thuận…Thông tư số 47/2025/TT-NHNN`, 2026);
    expect(t.entries).toEqual([{ number: '32/2024/QH15', title: 'Luật Các tổ chức tín dụng' }, { number: '47/2025/TT-NHNN', title: 'hướng dẫn thủ tục chấp thuận…' }]);
  });

  it('does not glue the year of a date or of "năm" to the number (1.002548, 1.000178, 1.000236, 1.001456)', () => {
    expect(parseLegalBasis(`${L}Quy định chi tiết … Luật phí và lệ phí, có hiệu lực từ ngày 01/01/2017120/2016/NĐ-CP`, 2026).entries)
      .toEqual([{ number: '120/2016/NĐ-CP', title: 'Quy định chi tiết … Luật phí và lệ phí, có hiệu lực từ ngày 01/01/2017' }]);
    expect(parseLegalBasis(`${L}Luật Khiếu nại  năm 201102/2011/QH13`, 2026).entries).toEqual([{ number: '02/2011/QH13', title: 'Luật Khiếu nại năm 2011' }]);
    expect(parseLegalBasis(`${L}Luật … sửa đổi 202323/2023/QH15`, 2026).entries[0]?.number).toBe('23/2023/QH15');
    expect(parseLegalBasis(`${L}Luật số 43/2024/QH15 ngày 29/6/202443/2024/QH15`, 2026).entries).toEqual([{ number: '43/2024/QH15', title: 'Luật số 43/2024/QH15 ngày 29/6/2024' }]);
    expect(parseLegalBasis(`${L}… giai đoạn 2026-203016/2026/QĐ-UBND`, 2026).entries[0]?.number).toBe('16/2026/QĐ-UBND');
  });

  it('does not read the legislature digits of one number as the start of the next ("QH1559/2025/…")', () => {
    const t = parseLegalBasis(`${L}Luật Các tổ chức tín dụngLuật số 32/2024/QH1559/2025/TT-NHNNsố 59/2025/TT-NHNN`, 2026);
    expect(t.entries).toEqual([{ number: '32/2024/QH15', title: 'Luật Các tổ chức tín dụng' }, { number: '59/2025/TT-NHNN' }]);
  });

  it('repairs "NĐ-C" (a decree is always issued by the Government, CP) and reports it (1.012791)', () => {
    const t = parseLegalBasis(`${L}Thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông…118/2025/NĐ-CQuy định về phân định thẩm quyền…151/2025/NĐ-CP`, 2026);
    expect(t.entries.map((e) => e.number)).toEqual(['118/2025/NĐ-CP', '151/2025/NĐ-CP']);
    expect(t.entries[1]?.title).toBe('Quy định về phân định thẩm quyền…');
    expect(t.problems).toEqual([{ original: '118/2025/NĐ-C', kind: 'repaired', number: '118/2025/NĐ-CP' }]);
  });

  it('completes a truncated number from its own title, and reports one it cannot complete (3.000368)', () => {
    const t = parseLegalBasis(`${L}Thông tư số 31/2025/TT-BCA ngày 21/4/2025 của Bộ trưởng Bộ Công an31/2025/TTLuật X61/2014/QH13Thông tư về phí13/2022/TT`, 2026);
    expect(t.entries.map((e) => e.number)).toEqual(['31/2025/TT-BCA', '61/2014/QH13', '13/2022/TT']);
    expect(t.problems).toEqual([
      { original: '31/2025/TT', kind: 'repaired', number: '31/2025/TT-BCA' },
      { original: '13/2022/TT', kind: 'unusual-number', number: '13/2022/TT' },
    ]);
  });

  it('reads Cyrillic look-alikes in a ký hiệu as Latin, and keeps an implausible year verbatim for review (1.010387, 1.008881)', () => {
    expect(parseLegalBasis(`${L}Thông tư số 85/2024/TT-BTС85/2024/TT-BTС`, 2026).entries[0]?.number).toBe('85/2024/TT-BTC');
    const t = parseLegalBasis(`${L}Luật Chứng khoán40/2029/QH14`, 2026);
    expect(t.entries).toEqual([{ number: '40/2029/QH14', title: 'Luật Chứng khoán' }]);
    expect(t.problems).toEqual([{ original: '40/2029/QH14', kind: 'unusual-number', number: '40/2029/QH14' }]);
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

  it('keeps the name when "Mã:" is followed by something else, and the text for review', () => {
    const r = parseResults('Quyết địnhMã: đang cập nhậtTừ khóa');
    expect(r.results).toEqual([{ name: 'Quyết định' }]);
    expect(r.leftover).toEqual(['Mã: đang cập nhật']);
  });

  it('reads the code shapes agencies use besides KQ.Gnn (1.003814, 1.014740, 1.009543, 1.115154, 1.010047)', () => {
    expect(parseResults('Thông báo thực phẩm đạt hoặc không đạt yêu cầu nhập khẩuMã: KQ-G10-KQ-000002Từ khóaKhông có thông tin').results)
      .toEqual([{ name: 'Thông báo thực phẩm đạt hoặc không đạt yêu cầu nhập khẩu', code: 'KQ-G10-KQ-000002' }]);
    expect(parseResults('Quyết định hành chínhMã: BQP-CCS.KQ0001Từ khóa').results).toEqual([{ name: 'Quyết định hành chính', code: 'BQP-CCS.KQ0001' }]);
    expect(parseResults('Chứng chỉ hành nghề chứng khoán được cấp, cấp lạiMã: KQ0.00.00.G12-002223văn bản yêu cầu bổ sung hồ sơ hoặc văn bản từ chối.Mã: KQ0.00.00.G12-0321Từ khóa').results).toEqual([
      { name: 'Chứng chỉ hành nghề chứng khoán được cấp, cấp lại', code: 'KQ0.00.00.G12-002223' },
      { name: 'văn bản yêu cầu bổ sung hồ sơ hoặc văn bản từ chối.', code: 'KQ0.00.00.G12-0321' },
    ]);
    expect(parseResults('Công văn thông báoMã: 000.00.00.KQ-1309Công văn từ chối, nêu rõ lý doMã: 000.00.00.KQ-196Từ khóa').results).toEqual([
      { name: 'Công văn thông báo', code: '000.00.00.KQ-1309' },
      { name: 'Công văn từ chối, nêu rõ lý do', code: '000.00.00.KQ-196' },
    ]);
    expect(parseResults('Công an XãMã: Test_P001Từ khóa').results).toEqual([{ name: 'Công an Xã', code: 'Test_P001' }]);
  });

  it('keeps a result whose code is "Chưa xác định", or whose "Mã:" holds a sentence (1.014952, 1.115126)', () => {
    expect(parseResults('Mã số cơ sở chăn nuôi.Mã: Chưa xác địnhTừ khóa')).toEqual({ results: [{ name: 'Mã số cơ sở chăn nuôi.' }], leftover: [] });
    const r = parseResults('Giấy chứng nhận đăng ký doanh nghiệp cho doanh nghiệpMã: Cơ quan đăng ký kinh doanh cấp Giấy chứng nhận đăng ký doanh nghiệp cho doanh nghiệp.Từ khóa');
    expect(r.results).toEqual([{ name: 'Giấy chứng nhận đăng ký doanh nghiệp cho doanh nghiệp' }]);
    expect(r.leftover).toHaveLength(1);
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
