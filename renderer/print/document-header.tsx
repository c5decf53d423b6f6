import { MOTTO, NATIONAL_TITLE } from './print-text';
import { upper } from './print-format';

export interface DocumentHeaderProps {
  /** The body the office belongs to ("Công an tỉnh Thanh Hóa"); printed in capitals. */
  readonly parentName: string;
  /** The issuing office ("Công an xã Quảng Hưng"); printed in bold capitals. */
  readonly officeName: string;
  /** "Số: 05/BB-CAX". */
  readonly number: string;
  /** "Quảng Hưng, ngày 05 tháng 01 năm 2026", in italics. */
  readonly placeDate: string;
}

/**
 * The top of a Decree 30/2020 document: on the left the parent body, the issuing office with a short
 * rule under it and the number; on the right the national title, the motto with a rule under it and
 * the place and date.
 */
export function DocumentHeader({ parentName, officeName, number, placeDate }: DocumentHeaderProps) {
  return (
    <header className="doc-header">
      <div className="doc-header-left">
        <p className="doc-parent">{upper(parentName)}</p>
        <p className="doc-office">
          <span className="doc-office-name">{upper(officeName)}</span>
        </p>
        <p className="doc-number">{number}</p>
      </div>
      <div className="doc-header-right">
        <p className="doc-national">{NATIONAL_TITLE}</p>
        <p className="doc-motto">
          <span className="doc-motto-text">{MOTTO}</span>
        </p>
        <p className="doc-place-date">{placeDate}</p>
      </div>
    </header>
  );
}
