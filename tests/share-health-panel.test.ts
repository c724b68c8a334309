import { describe, expect, it } from 'vitest';
import { decodeLab, defaultLab, encodeLab, LAB_PANEL_IDS, labFromJson, labToJson } from '../src/share';
import { HIDEABLE_SECTIONS } from '../src/share/classroom';

// Issue 12: the Training health tab is a panel a link, a file or a class link can open or hide.
describe('share: the Training health panel', () => {
  it('is a panel id, and a lab that opens it round-trips through a link', () => {
    expect(LAB_PANEL_IDS).toContain('health');
    const lab = { ...defaultLab(), panels: { open: 'health' as const, distMode: 'inference' as const } };
    const back = decodeLab(encodeLab(lab));
    expect(back.ok && back.lab.panels).toEqual({ open: 'health', distMode: 'inference' });
    expect(back.ok && back.migratedFrom).toBeUndefined();
  });

  it('can be hidden by a class link', () => {
    expect(HIDEABLE_SECTIONS.map((s) => s.id)).toContain('tab:health');
    const classroom = {
      lockGraph: false,
      lockData: false,
      lockTraining: false,
      hide: ['tab:health' as const],
      lesson: null,
    };
    const back = decodeLab(encodeLab({ ...defaultLab(), classroom }));
    expect(back.ok && back.lab.classroom).toEqual(classroom);
  });

  it('still refuses a panel that does not exist, naming the field', () => {
    const raw = { ...JSON.parse(labToJson(defaultLab())), panel: 'healthy' };
    const result = labFromJson(JSON.stringify(raw));
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error).toMatch(/Open panel/);
    expect(labFromJson(JSON.stringify({ ...raw, panel: 'health' })).ok).toBe(true);
  });
});
