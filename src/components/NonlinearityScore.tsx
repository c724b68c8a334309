interface Props {
  readonly value: number | null;
  readonly task: 'binary' | 'multiclass' | 'regression';
}

/**
 * R^2 of the best affine fit to the network's output logits over the plotted grid: 1.00 means
 * the network computes an affine function there (a straight boundary), lower means it bends.
 */
export function NonlinearityScore({ value, task }: Props) {
  const affine = value !== null && value >= 0.99;
  return (
    <p
      className="nonlinearity"
      title="R² of the best least-squares affine fit to the output logits over the 100 × 100 grid"
    >
      Affine fit R²{' '}
      <strong data-testid="nonlinearity-score">{value === null ? '—' : value.toFixed(3)}</strong>
      <span className="muted">
        {value === null
          ? ' (not finite)'
          : affine
            ? ` · affine: ${task === 'regression' ? 'a flat plane' : 'a straight boundary'}`
            : ' · 1.000 would mean affine; this one bends'}
      </span>
    </p>
  );
}
