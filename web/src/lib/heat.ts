// Cell colours for heatmaps (cohort retention, RFM grid, category lift): a light-to-dark blue
// ramp, with the text colour chosen so that every cell keeps at least 4.5:1 contrast.

function mix(a: number, b: number, t: number): number {
  return Math.round(a + (b - a) * t);
}

const LIGHT = [239, 245, 252];
const DARK = [12, 60, 120];

/** Background and text colour for a value in [0, 1] (clamped). */
export function heatColour(value: number): { background: string; color: string } {
  const t = Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
  const [r, g, b] = LIGHT.map((c, i) => mix(c, DARK[i]!, t)) as [number, number, number];
  const l = luminance(r, g, b);
  // Whichever of white and black contrasts more; both reach 4.5:1 where they cross.
  const white = contrastRatio(l, 1) >= contrastRatio(l, 0);
  return { background: `rgb(${r} ${g} ${b})`, color: white ? '#ffffff' : '#000000' };
}

/** Relative luminance (WCAG 2) of an sRGB colour given as 0-255 channels. */
export function luminance(r: number, g: number, b: number): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

export function contrastRatio(l1: number, l2: number): number {
  const [hi, lo] = l1 > l2 ? [l1, l2] : [l2, l1];
  return (hi + 0.05) / (lo + 0.05);
}
