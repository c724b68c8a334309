import { foldAdvice } from '../../graph/affine';
import { isWholeNetworkAffine, selectAffine } from '../../store/selectors';
import { appStore, useAppStore } from '../../store/store';
import { AffineMapTable } from './AffineMapTable';
import { PanelMessage } from './PanelMessage';
import { usePanelBlocker, useStep } from './usePanelBlocker';

/** The limit the folded map must meet against the model's own output (float32 arithmetic). */
export const AFFINE_TOLERANCE = 1e-4;

/**
 * Either the folded W', b' of an all-affine network, checked against the model on the test set,
 * or the list of nodes that make the network nonlinear.
 */
export function AffinePanel() {
  const blocker = usePanelBlocker();
  const affine = useAppStore(isWholeNetworkAffine);
  const nonlinear = useAppStore((s) => selectAffine(s).nonlinear);
  const report = useAppStore((s) => s.affine);
  const error = useAppStore((s) => s.probeErrors.affine);
  const info = useAppStore((s) => s.dataset.info);
  const outputLabels =
    info.task === 'multiclass'
      ? Array.from({ length: info.outputDim }, (_, k) => `class ${k}`)
      : [info.task === 'regression' ? 'value' : 'logit'];
  const step = useStep();
  return (
    <div className="panel">
      <div className="panel-head">
        <h2>Equivalent affine map</h2>
      </div>
      {blocker ? (
        <PanelMessage text={blocker} />
      ) : !affine ? (
        <div className="nonlinear-list">
          <p>
            This network is <strong>not</strong> one affine map:{' '}
            {nonlinear.length === 1 ? 'this node bends' : 'these nodes bend'} its function.
          </p>
          <ul>
            {nonlinear.map((n) => (
              <li key={n.id}>
                <button type="button" className="link" onClick={() => appStore.getState().selectNode(n.id)}>
                  {n.id}
                </button>{' '}
                {n.why}
              </li>
            ))}
          </ul>
          <p className="panel-note">{foldAdvice(nonlinear.map((n) => n.kind))}</p>
        </div>
      ) : error ? (
        <PanelMessage text={`Could not fold the network: ${error}`} />
      ) : !report ? (
        <PanelMessage text="Folding the network…" />
      ) : (
        <div className="affine-body">
          <AffineMapTable map={report.map} outputLabels={outputLabels} />
          <div className="affine-check">
            <p>
              Largest difference between the folded map and the model over {report.testPoints} test points:{' '}
              <strong data-testid="affine-max-error">{report.maxError.toExponential(2)}</strong>{' '}
              {report.maxError < AFFINE_TOLERANCE ? (
                <span className="ok">below 10⁻⁴: they are the same function</span>
              ) : (
                <span className="bad">above 10⁻⁴</span>
              )}
            </p>
            <p className="panel-note">
              How it folds: BatchNorm at inference is y = γ (x − μ) / √(σ² + ε) + β with fixed μ, σ², so with
              s = γ / √(σ² + ε), Dense then BatchNorm is one Dense with W′ = W diag(s), b′ = (b − μ) s + β;
              affine maps compose into one.
              {step === 0
                ? ' Untrained: these are the initial weights.'
                : ` Live weights at step ${report.step}.`}
            </p>
          </div>
        </div>
      )}
    </div>
  );
}
