// Runs inside the app page from its first script (page.addInitScript, no ?debug=1): on every
// animation frame from navigation on, notes when the first canvas node is visible, when the engine
// is up (the backend badge names a backend: worker, tfjs and the backend's code and .wasm loaded)
// and when the Train button is enabled, in performance.now() ms (time since navigation start; one frame of
// resolution). bench/run.mjs reads window.__loadMarks with the page's paint entries.
(() => {
  const marks = {};
  window.__loadMarks = marks;
  const nodeVisible = () => {
    const box = document.querySelector('.react-flow__node')?.getBoundingClientRect();
    return Boolean(box && box.width > 0 && box.height > 0);
  };
  const trainEnabled = () => {
    const train = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Train');
    return Boolean(train && !train.disabled);
  };
  // The backend badge names a backend once the worker is up and its tfjs backend has started.
  const engineUp = () => {
    const name = document.querySelector('[data-testid="backend-badge"] strong')?.textContent ?? '';
    return name !== '' && !name.startsWith('starting');
  };
  const tick = () => {
    const now = performance.now();
    if (marks.canvasMs === undefined && nodeVisible()) marks.canvasMs = now;
    if (marks.engineMs === undefined && engineUp()) marks.engineMs = now;
    if (marks.trainEnabledMs === undefined && trainEnabled()) marks.trainEnabledMs = now;
    if (marks.canvasMs === undefined || marks.trainEnabledMs === undefined) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();
