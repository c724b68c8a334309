import { describe, expect, it } from 'vitest';
import { exportKeras, exportPyTorch } from '../src/export';
import { defaultLab } from './export/goldenLabs';

/** The default golden lab as if its two features came from a CSV (standardized, named classes). */
function importedLab() {
  const lab = defaultLab();
  if (!lab.data) throw new Error('the golden lab has data');
  return {
    ...lab,
    data: {
      ...lab.data,
      name: 'flowers.csv',
      featureNames: ['petal length', 'petal width'],
      standardization: { mean: [3.758, 1.1993333], sd: [1.7644204, 0.7631607], target: null },
      classLabels: ['setosa', 'other'],
    },
  };
}

describe('exports of imported data', () => {
  for (const [name, write] of [
    ['PyTorch', exportPyTorch],
    ['Keras', exportKeras],
  ] as const) {
    it(`${name}: the header gives the standardization to apply to new rows and the class names`, () => {
      const made = write(importedLab());
      if (!made.ok) throw new Error(made.problems.join('; '));
      expect(made.text).toContain('# Data: flowers.csv, 2 features (petal length, petal width)');
      expect(made.text).toContain('#   mean = [3.758, 1.199333]');
      expect(made.text).toContain('#   sd   = [1.76442, 0.7631607]');
      expect(made.text).toContain('# Classes by index: 0 = setosa, 1 = other.');
    });
  }

  it('a built-in dataset has no standardization lines', () => {
    const made = exportPyTorch(defaultLab());
    if (!made.ok) throw new Error(made.problems.join('; '));
    expect(made.text).not.toContain('standardized as NormLab did');
  });

  it('a standardized regression target says how to read outputs back', () => {
    const lab = importedLab();
    const data = lab.data && {
      ...lab.data,
      standardization: { ...lab.data.standardization, target: { name: 'price', mean: 12.5, sd: 4 } },
    };
    const made = exportPyTorch({ ...lab, data });
    if (!made.ok) throw new Error(made.problems.join('; '));
    expect(made.text).toContain('# The target "price" is standardized too: y = output * 4 + 12.5.');
  });
});
