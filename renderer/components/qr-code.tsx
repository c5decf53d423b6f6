import { create } from 'qrcode';
import { useMemo } from 'react';

/** The dark modules of a QR matrix as one SVG path, a 1×1 square each ("M4 4h1v1h-1z…"), with a quiet zone of `margin`. */
export function qrPath(modules: { readonly size: number; get(row: number, column: number): number | boolean }, margin: number): string {
  const parts: string[] = [];
  for (let row = 0; row < modules.size; row += 1) {
    for (let column = 0; column < modules.size; column += 1) {
      if (modules.get(row, column)) parts.push(`M${column + margin} ${row + margin}h1v1h-1z`);
    }
  }
  return parts.join('');
}

const MARGIN = 4;

/**
 * A QR code drawn as SVG from the matrix the `qrcode` library computes: no image, no canvas, nothing
 * the Content-Security-Policy would have to allow. Black on white, with the standard quiet zone.
 */
export function QrCode({ text, label, className }: { readonly text: string; readonly label: string; readonly className?: string }) {
  const { size, path } = useMemo(() => {
    const { modules } = create(text, { errorCorrectionLevel: 'M' });
    return { size: modules.size + 2 * MARGIN, path: qrPath(modules, MARGIN) };
  }, [text]);
  return (
    <svg className={className} role="img" aria-label={label} viewBox={`0 0 ${size} ${size}`} xmlns="http://www.w3.org/2000/svg" shapeRendering="crispEdges">
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
