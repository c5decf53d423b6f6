/** Long work under way: a progress bar and what is being done, announced politely. */
export function ProgressLine({ label, value, max, text }: { readonly label: string; readonly value: number; readonly max: number; readonly text: string }) {
  return (
    <div className="progress-line">
      <progress className="progress-bar" aria-label={label} value={value} max={Math.max(max, 1)} />
      <span role="status">{text}</span>
    </div>
  );
}
