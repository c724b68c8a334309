import type { Plane } from '../../data/slice';
import { appStore, useAppStore } from '../../store/store';
import { SelectField } from '../SelectField';

/** "across", "up" and "the other n features" of a slice, in words. */
export function sliceText(names: readonly string[], plane: Plane): string {
  const [h, v] = plane;
  if (names.length < 2) return `Across: ${names[0] ?? 'the feature'}; the picture does not vary up.`;
  const others = names.length - 2;
  const rest =
    others === 0
      ? ''
      : ` A slice: the other ${others === 1 ? 'feature is' : `${others} features are`} held at ${others === 1 ? 'its' : 'their'} mean (0 after standardization), and points are projected onto it.`;
  return `Across: ${names[h]}, up: ${names[v]}.${rest}`;
}

/**
 * Which two features the decision boundary shows (and the warped grid and batch-dependence point
 * use): two selects, and a sentence saying where the others are held. Shown for imported data.
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
  return (
    <div className="slice-controls">
      {names.length >= 2 && (
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
      )}
      <p className="chart-legend slice-text" data-testid="slice-text">
        {sliceText(names, plane)}
      </p>
    </div>
  );
}
