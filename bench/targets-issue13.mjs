// Issue 13's targets that are not first-load sizes or times (pure; tests/bench-stats.test.ts checks
// them): auto stays on WASM where WebGL is software, and the 95% crossings are shown on time.

const kib = (b) => `${(b / 1024).toFixed(1)} KiB`;

/** Where the first load's bytes go: by kind, then the three largest files. */
export function bytesNote(bytes) {
  if (!bytes) return '';
  const kinds = [
    ['main JS', bytes.mainJsGz],
    ['worker JS', bytes.workerJsGz],
    ['WASM', bytes.wasmGz],
    ['CSS + HTML', (bytes.cssGz ?? 0) + (bytes.htmlGz ?? 0)],
  ].map(([k, v]) => `${k} ${kib(v ?? 0)}`);
  const largest = [...(bytes.files ?? [])]
    .sort((a, b) => b.gzip - a.gzip)
    .slice(0, 3)
    .map((f) => `${f.path.replace(/^assets\//, '')} ${kib(f.gzip)}`);
  return `${kinds.join(', ')}; largest: ${largest.join(', ')}`;
}

/** Where the time to Train goes: medians of the marks from navigation start (ms). */
export function timesNote(load) {
  const m = (k) => load?.[k]?.median;
  if (m('trainEnabledMs') == null) return '';
  const parts = [
    ['first paint', m('firstPaintMs')],
    ['canvas drawn (main JS run)', m('canvasMs')],
    ['engine up (worker, tfjs, backend and .wasm)', m('engineMs')],
    ['model built, first metrics and boundary: Train', m('trainEnabledMs')],
  ].filter(([, v]) => v != null);
  return parts.map(([k, v]) => `${k} ${Math.round(v)} ms`).join(' → ');
}

const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render|mesa offscreen|lavapipe/i;

/** Each target with value, pass (true/false, null: not measured or not judged here) and a note. */
export function issue13Targets(r) {
  const out = [];
  const row = (id, label, value, pass, note = '') => ({
    id,
    label,
    value,
    pass: value === null || value === undefined ? null : pass,
    note,
    unit: '',
  });
  const a = r.autoRace;
  if (a) {
    const seen = ['e2e', 'swiftshader'].filter((k) => a[k]);
    const stays = seen.every((k) => a[k].after?.name === 'wasm' && a[k].mostWorkers === 1);
    out.push(
      row(
        'autoStaysWasm',
        'Auto stays on WASM where WebGL is software: no race, still WASM after training',
        seen
          .map((k) => `${k}: ${a[k].after?.name} at step ${a[k].step}, ${a[k].mostWorkers} worker`)
          .join('; '),
        stays,
        seen.map((k) => `${k} "${a[k].after?.reason}"`).join('; '),
      ),
    );
    const f = a.forced;
    if (f) {
      const software = SOFTWARE.test(f.renderer ?? '');
      out.push(
        row(
          'autoForcedRace',
          'A race forced on software WebGL (?race=force) keeps WASM, both figures on the badge, racer gone',
          `WebGL ${f.webglStepsPerSec} vs WASM ${f.wasmStepsPerSec} steps/s → ${f.backend}`,
          software ? f.backend === 'wasm' && f.workersAfter === 1 : null,
          `${(f.raceMs / 1000).toFixed(1)} s from the model built to the verdict; ${f.workersAfter} worker after`,
        ),
      );
    }
  }
  const acc = Object.entries(r.accuracy ?? {});
  if (acc.length) {
    const lags = acc.map(([, x]) => x.lagMs).filter((v) => v !== null && v !== undefined);
    const worst = lags.length === acc.length ? Math.max(...lags) : null;
    out.push(
      row(
        'toAccuracyShown',
        "95% shown by the page within one frame (17 ms) of the worker's report that measured it",
        worst === null ? null : `${worst.toFixed(0)} ms (slowest dataset)`,
        worst !== null && worst <= 17,
        acc
          .map(([name, x]) =>
            x.crossingStep == null
              ? `${name}: not reached`
              : `${name}: step ${x.crossingStep} at ${(x.crossingMs / 1000).toFixed(2)} s of training, shown ${x.lagMs.toFixed(0)} ms later`,
          )
          .join('; '),
      ),
    );
  }
  return out;
}
