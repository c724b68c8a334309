import { useEffect, useState } from 'react';
import { useAppStore } from '../store/store';

/** How long training may show no new step before the hint explains the wait (ms). */
const QUIET_MS = 800;

/**
 * Says what is happening while training has started but no step has been reported yet: on
 * WebGL the first steps compile the GPU shaders, which on a software GPU takes many seconds.
 */
export function WarmupHint() {
  const running = useAppStore((s) => s.status === 'running');
  const step = useAppStore((s) => s.metrics?.step ?? 0);
  const backend = useAppStore((s) => s.backend?.name ?? null);
  const software = useAppStore((s) => /swiftshader|software|llvmpipe/i.test(s.backend?.renderer ?? ''));
  const [quietSince, setQuietSince] = useState<{ step: number; at: number } | null>(null);
  const [now, setNow] = useState(0);
  useEffect(() => {
    if (!running) {
      setQuietSince(null);
      return;
    }
    setQuietSince((q) => (q && q.step === step ? q : { step, at: performance.now() }));
  }, [running, step]);
  useEffect(() => {
    if (!quietSince) return;
    const id = setInterval(() => setNow(performance.now()), 250);
    return () => clearInterval(id);
  }, [quietSince]);
  const waiting =
    running && quietSince !== null && quietSince.step === step && now - quietSince.at > QUIET_MS;
  if (!waiting) return null;
  const seconds = Math.round((now - (quietSince?.at ?? now)) / 1000);
  const text =
    backend === 'webgl'
      ? `Compiling the GPU shaders for the first steps (${seconds} s)…${software ? ' This browser draws WebGL in software, which takes 10–20 s; WASM starts at once.' : ''}`
      : `Preparing the first steps (${seconds} s)…`;
  return (
    <p className="warmup-hint" role="status" data-testid="warmup-hint">
      {text}
    </p>
  );
}
