import { narrativeParagraphs } from './issued-text';

/** The report's text as paragraphs (on screen; the printed document has its own body). */
export function NarrativeText({ text }: { readonly text: string }) {
  return (
    <div className="narrative">
      {narrativeParagraphs(text).map((paragraph, index) => (
        <p key={index}>{paragraph}</p>
      ))}
    </div>
  );
}
