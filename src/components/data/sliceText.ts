import type { Plane } from '../../data/slice';
import type { DatasetInfo } from '../../data/types';

/** "Across …, up …", and where the other features are held, in words (under the decision boundary). */
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
 * For the panels that work in the input plane (warped grid, batch dependence): which plane that
 * is when the data has more than two features (the boundary's slice), else null.
 */
export function planeNote(info: DatasetInfo, plane: Plane): string | null {
  if (info.inputDim <= 2) return null;
  const [h, v] = plane;
  return `The input plane is the decision boundary’s slice: ${info.featureNames[h]} across, ${info.featureNames[v]} up, the other ${info.inputDim - 2} features at their mean (0).`;
}
