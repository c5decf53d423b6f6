import { recipientsTitle } from './print-text';

/** "Nơi nhận:" in bold italics, then the recipients, one a line, the last being "Lưu: VT, …". */
export function Recipients({ items }: { readonly items: readonly string[] }) {
  return (
    <div className="doc-recipients">
      <p className="doc-recipients-title">{recipientsTitle}</p>
      <ul className="doc-recipients-list">
        {items.map((item) => (
          <li key={item}>- {item}</li>
        ))}
      </ul>
    </div>
  );
}
