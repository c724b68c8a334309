import type { Plane } from '../../data/slice';
import { appStore, useAppStore } from '../../store/store';
import { SelectField } from '../SelectField';

/**
 * Which two features the decision boundary shows (and the warped grid and batch-dependence point
 * use): two selects, shown for imported data with two features or more (ChartsPanel says in a
 * sentence, sliceText, where the others are held).
 */
export function SliceControls() {
  const names = useAppStore((s) => s.dataset.info.featureNames);
  const plane = useAppStore((s) => s.plane);
  const options = names.map((n, i) => ({ value: String(i), label: n }));
  const choose = (axis: 0 | 1, value: number) => {
    const other = plane[axis === 0 ? 1 : 0];
    // Picking the feature the other axis shows swaps the two.
    const next: Plane =
      axis === 0 ? [value, value === other ? plane[0] : other] : [value === other ? plane[1] : other, value];
    appStore.getState().setPlane(next);
  };
  if (names.length < 2) return null;
  return (
    <div className="slice-selects">
      <SelectField<string>
        label="Horizontal feature"
        value={String(plane[0])}
        options={options}
        onChange={(v) => choose(0, Number(v))}
      />
      <SelectField<string>
        label="Vertical feature"
        value={String(plane[1])}
        options={options}
        onChange={(v) => choose(1, Number(v))}
      />
    </div>
  );
}
