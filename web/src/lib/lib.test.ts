import { describe, expect, it } from 'vitest';

import { retentionCurve } from './analytics';
import { contrastRatio, heatColour, luminance } from './heat';
import { RFM_GRID, SEGMENTS } from './labels';
import { toIsoSeconds } from './time';

describe('retention curve', () => {
  it('weights cohorts by size and uses only cohorts old enough for each month', () => {
    const curve = retentionCurve([
      { month: '2024-01', customers: 100, active: [100, 20, 10], retention: [] },
      { month: '2024-02', customers: 50, active: [50, 20], retention: [] },
    ]);
    expect(curve).toEqual([1, 40 / 150, 0.1]);
    expect(retentionCurve([])).toEqual([]);
  });
});

describe('heatmap colours', () => {
  it('keep text contrast at 4.5:1 or more across the whole ramp', () => {
    for (let i = 0; i <= 100; ++i) {
      const { background, color } = heatColour(i / 100);
      const [r, g, b] = background.match(/\d+/g)!.map(Number) as [number, number, number];
      const text = color === '#ffffff' ? 1 : 0;
      expect(contrastRatio(luminance(r, g, b), text)).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('RFM grid', () => {
  it('names only known segments, and every segment appears', () => {
    const cells = new Set(RFM_GRID.flat());
    expect([...cells].every((s) => (SEGMENTS as readonly string[]).includes(s))).toBe(true);
    expect(cells.size).toBe(SEGMENTS.length);
  });
});

describe('times', () => {
  it('sends whole seconds in UTC', () => {
    expect(toIsoSeconds(new Date(Date.UTC(2025, 2, 2, 10, 5, 7, 123)))).toBe('2025-03-02T10:05:07Z');
  });
});
