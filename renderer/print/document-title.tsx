export interface DocumentTitleProps {
  /** The kind of document, in capitals ("BIÊN BẢN TIẾP NHẬN …"). */
  readonly title: string;
  /** The line under the title: what the document is about, or its period. */
  readonly summary?: string;
}

/** The document's name in bold capitals, centred, with its summary line under it. */
export function DocumentTitle({ title, summary }: DocumentTitleProps) {
  return (
    <div className="doc-title-block">
      <h1 className="doc-title">{title}</h1>
      {summary ? <p className="doc-summary">{summary}</p> : null}
    </div>
  );
}
