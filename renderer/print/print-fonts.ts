/**
 * The print font: Tinos (metric-compatible with Times New Roman), bundled from @fontsource/tinos by
 * Vite so documents look the same on every machine and nothing is fetched from the network. Its
 * faces are split by script (latin, latin-ext, vietnamese) and a browser loads a face only when text
 * needs it; this loads all twelve before a document is shown as ready to print.
 */

const FACES = ['400 13pt Tinos', '700 13pt Tinos', 'italic 400 13pt Tinos', 'italic 700 13pt Tinos'];
/** Letters from each of the three subsets the Vietnamese text uses. */
const SAMPLE = 'Aa Ăă Đđ Ơơ Ưư Ạạ Ỹỹ';

export async function loadPrintFonts(): Promise<void> {
  try {
    await Promise.all(FACES.map((face) => document.fonts.load(face, SAMPLE)));
    await document.fonts.ready;
  } catch {
    // A font that cannot load leaves the fallback (Times New Roman, then serif): still printable.
  }
}
