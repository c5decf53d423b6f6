import type { I18n } from '../../i18n';
import { codeLabel, type LabelFamily } from '../register/labels';

const edgeFamilies: readonly LabelFamily[] = ['linkKind', 'hotspotRole', 'personRole'];

/** An edge's label: the kind of link, a role at a hotspot or in a report, in the interface's language. */
export function graphEdgeLabel(t: I18n['t'], code: string): string {
  for (const family of edgeFamilies) {
    const text = codeLabel(t, family, code);
    if (text !== code) return text;
  }
  return codeLabel(t, 'graphNode', code);
}
