import { isWholeNetworkAffine } from '../../store/selectors';
import { useAppStore } from '../../store/store';

/**
 * Shown only while every path from Input to Output is affine at inference: then the whole
 * network is one map y = x W' + b', however many layers it has.
 */
export function CollapseBanner() {
  const affine = useAppStore(isWholeNetworkAffine);
  const regression = useAppStore((s) => s.dataset.info.task === 'regression');
  if (!affine) return null;
  return (
    <div className="collapse-banner" data-testid="collapse-banner" role="note">
      <strong>This network computes one affine map, y = x W′ + b′.</strong> Every path from Input to Output is
      affine (Dense, BatchNorm at inference, linear, Add, Concatenate), so it can only draw{' '}
      {regression ? 'a flat plane' : 'a straight decision boundary'}, however many layers it has. See
      “Equivalent affine map” below.
    </div>
  );
}
