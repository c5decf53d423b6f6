import { describe, expect, it } from 'vitest';
import { chiefCapacity, chiefSigner, dateWords, sentence, documentNumber, isoToDisplay, officeSymbol, placeDateLine, placeName, timeWords, upper } from '../../renderer/print/print-format';
import { graphPrintPath, parsePrintPath, receiptPath, registerPath } from '../../renderer/print/print-route';
import { label, receiptText, statusLabels } from '../../renderer/print/print-text';

/** How printed documents write places, numbers and dates (Decree 30/2020/NĐ-CP, Appendix I). */

describe('place, number and date lines', () => {
  it('takes the place from the office name without "Công an xã / phường / thị trấn / đặc khu"', () => {
    expect(placeName('Công an xã Quảng Hưng')).toBe('Quảng Hưng');
    expect(placeName('Công an phường Hạc Thành')).toBe('Hạc Thành');
    expect(placeName('Công an thị trấn Bến Sung')).toBe('Bến Sung');
    expect(placeName('Công an đặc khu Côn Đảo')).toBe('Côn Đảo');
    expect(placeName('CÔNG AN XÃ Quảng Hưng')).toBe('Quảng Hưng');
    expect(placeName('Công an tỉnh Thanh Hóa')).toBe('Thanh Hóa');
    // NFD input (as some keyboards type it) is read the same.
    expect(placeName('Công an xã Quảng Hưng'.normalize('NFD'))).toBe('Quảng Hưng');
    expect(placeName('Đồn Công an Sầm Sơn')).toBe('Đồn Công an Sầm Sơn');
  });

  it('writes the office abbreviation and the signer capacity from the kind of unit', () => {
    expect(officeSymbol('Công an xã Quảng Hưng')).toBe('CAX');
    expect(officeSymbol('Công an phường Hạc Thành')).toBe('CAP');
    expect(officeSymbol('Công an thị trấn Bến Sung')).toBe('CATT');
    expect(officeSymbol('Một đơn vị khác')).toBe('CA');
    expect(chiefCapacity('Công an xã Quảng Hưng', 'commune')).toBe('TRƯỞNG CÔNG AN XÃ');
    expect(chiefCapacity('Công an phường Hạc Thành', 'commune')).toBe('TRƯỞNG CÔNG AN PHƯỜNG');
    expect(chiefCapacity('Công an đặc khu Côn Đảo', 'commune')).toBe('TRƯỞNG CÔNG AN ĐẶC KHU');
    expect(chiefCapacity('Công an tỉnh Thanh Hóa', 'higher')).toBe('THỦ TRƯỞNG ĐƠN VỊ');
  });

  it('pads numbers below 10 with a 0 and leaves room for a number written by hand', () => {
    expect(documentNumber(1, 'BB', 'Công an xã Quảng Hưng')).toBe('Số: 01/BB-CAX');
    expect(documentNumber(15, 'BB', 'Công an xã Quảng Hưng')).toBe('Số: 15/BB-CAX');
    expect(documentNumber(null, 'TS', 'Công an phường Hạc Thành')).toBe(`Số: ${'\u00a0'.repeat(8)}/TS-CAP`);
  });

  it('writes dates and times in words in Vietnam time, day and month padded to two digits', () => {
    const at = Date.parse('2026-01-05T09:07:00+07:00');
    expect(dateWords(at)).toBe('ngày 05 tháng 01 năm 2026');
    expect(timeWords(at)).toBe('09 giờ 07 phút');
    expect(placeDateLine('Công an xã Quảng Hưng', at)).toBe('Quảng Hưng, ngày 05 tháng 01 năm 2026');
    expect(dateWords(new Date('2026-12-25T00:30:00+07:00'))).toBe('ngày 25 tháng 12 năm 2026');
    // 20:00 UTC on 4 January is already 5 January in Vietnam.
    expect(dateWords(Date.parse('2026-01-04T20:00:00Z'))).toBe('ngày 05 tháng 01 năm 2026');
  });

  it('writes capitals the Vietnamese way', () => {
    expect(upper('Công an tỉnh Thanh Hóa')).toBe('CÔNG AN TỈNH THANH HÓA');
    expect(upper('đặc khu')).toBe('ĐẶC KHU');
  });

  it('shows ISO dates without a time zone', () => {
    expect(isoToDisplay('2026-03-01')).toBe('01/03/2026');
  });
});

describe('print routes', () => {
  it('reads the receipt and register routes and refuses anything else', () => {
    const id = '0190a0b0-0000-7000-8000-000000000000';
    expect(parsePrintPath(receiptPath(id))).toEqual({ kind: 'receipt', reportId: id });
    expect(parsePrintPath(registerPath('2026-03-01', '2026-03-31'))).toEqual({ kind: 'register', from: '2026-03-01', to: '2026-03-31' });
    expect(parsePrintPath('/print/register?from=2026-03-31&to=2026-03-01')).toEqual({ kind: 'bad-period' });
    expect(parsePrintPath('/print/register?from=2026-02-30&to=2026-03-01')).toEqual({ kind: 'bad-period' });
    expect(parsePrintPath('/print/register')).toEqual({ kind: 'bad-period' });
    expect(parsePrintPath('/print/receipt/')).toEqual({ kind: 'unknown' });
    expect(parsePrintPath('/print/other/1')).toEqual({ kind: 'unknown' });
    expect(parsePrintPath('/users')).toEqual({ kind: 'unknown' });
  });
});

describe('document text', () => {
  it('titles the receipt by the kind of report', () => {
    expect(receiptText.title('crime_report').replace('\n', ' ')).toBe('BIÊN BẢN TIẾP NHẬN TỐ GIÁC, TIN BÁO VỀ TỘI PHẠM, KIẾN NGHỊ KHỞI TỐ');
    expect(receiptText.title('denunciation')).toBe(receiptText.title('crime_report'));
    expect(receiptText.title('administrative_violation')).toBe('BIÊN BẢN TIẾP NHẬN THÔNG TIN VỤ VIỆC');
    expect(receiptText.title('other_incident')).toBe('BIÊN BẢN TIẾP NHẬN THÔNG TIN VỤ VIỆC');
  });

  it('prints an unknown code as it is rather than hiding it', () => {
    expect(label(statusLabels, 'checking')).toBe('Đang kiểm tra, xác minh');
    expect(label(statusLabels, 'new_status')).toBe('new_status');
    expect(label(statusLabels, null)).toBe('');
  });
});

describe('who signs', () => {
  it('is the chief by name, or a deputy signing KT. for the chief', () => {
    expect(chiefSigner('Công an xã Quảng Hưng', 'commune', { chiefName: 'Lê Văn Trưởng', deputy: null })).toEqual({ capacity: 'TRƯỞNG CÔNG AN XÃ', name: 'Lê Văn Trưởng' });
    expect(chiefSigner('Công an phường Ba Đình', 'commune', { chiefName: 'Lê Văn Trưởng', deputy: 'Hoàng Thị Phó' })).toEqual({
      capacity: 'KT. TRƯỞNG CÔNG AN PHƯỜNG\nPHÓ TRƯỞNG CÔNG AN PHƯỜNG',
      name: 'Hoàng Thị Phó',
    });
    // No name set: the space is left to write it by hand.
    expect(chiefSigner('Công an xã Quảng Hưng', 'commune', { chiefName: '', deputy: '  ' })).toEqual({ capacity: 'TRƯỞNG CÔNG AN XÃ', name: '' });
  });

  it('ends a sentence with one full stop', () => {
    expect(sentence('Lực lượng tham gia: 20 đồng chí')).toBe('Lực lượng tham gia: 20 đồng chí.');
    expect(sentence('Lực lượng tham gia: 20 đồng chí.')).toBe('Lực lượng tham gia: 20 đồng chí.');
    expect(sentence('Lực lượng tham gia: Công an xã, dân quân…  ')).toBe('Lực lượng tham gia: Công an xã, dân quân…');
  });

  it('routes the printed link chart', () => {
    const path = graphPrintPath('person', '0190a0b0-0000-7000-8000-000000000000');
    expect(parsePrintPath(path)).toEqual({ kind: 'graph', nodeKind: 'person', id: '0190a0b0-0000-7000-8000-000000000000' });
    expect(parsePrintPath('/print/graph/report/x')).toEqual({ kind: 'unknown' });
  });
});
