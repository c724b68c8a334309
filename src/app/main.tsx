/// <reference types="vite-plugin-pwa/vanillajs" />
import '@xyflow/react/dist/style.css';
import './styles.css';
import './classroom.css';
import './shortcuts.css';
import './presenter.css';
import './lessons.css';
import './storage.css';
import './health.css';
import './csv.css';
import './runs.css';
import './responsive.css';
import { registerSW } from 'virtual:pwa-register';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppUpdateContext } from '../components/AppUpdateContext';
import { SPEEDS } from '../components/SpeedControl';
import { SweepContext } from '../components/SweepContext';
import { TrainerContext } from '../components/TrainerContext';
import { ViewChartStyle } from '../components/ViewChartStyle';
import { connectAutosave } from '../store/autosave';
import { browserStorage, browserStorageEvents } from '../store/browserStorage';
import { openInitialLab, openLabFromHash } from '../store/labActions';
import { connectLessonProgress, openClassLesson, openLessonFromHash } from '../store/lessonActions';
import { connectOtherTabs } from '../store/otherTabs';
import { connectPresenterSetting } from '../store/presenterSetting';
import { pinLiveRun } from '../store/runActions';
import { connectRunClock } from '../store/runClock';
import { connectRunsAutosave } from '../store/runsAutosave';
import { appStore } from '../store/store';
import { connectSweep } from '../store/sweepBridge';
import { connectTablePersistence, indexedDbTables } from '../store/tablePersistence';
import { connectTrainer } from '../store/trainerBridge';
import { connectVariantWatcher } from '../store/variantActions';
import { connectWeightsAutosave } from '../store/weightsAutosave';
import { BACKEND_PREFS, type BackendPref } from '../train/protocol';
import { App } from './App';
import { browserPage, createAppUpdate } from './appUpdate';
import { createRaceClient } from './createRaceClient';
import { createSweepEngine, createWorkerClient } from './createWorkerClient';

// The lab: from a shared link (#lab=…), else the autosaved one, else the default. The link is
// then cleared from the address, so a reload shows the (autosaved) lab without re-opening it.
const storage = browserStorage();
const dropHash = () =>
  window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}`);
// Lessons: progress kept in this browser; "#lesson=N" (or an instructor's lesson) opens one, and
// a class link that names a lesson (its lab is the lesson's, with the class locks) opens it too.
connectLessonProgress(appStore, storage);
// Pinned runs: kept in this browser; the live run's wall clock; one-click variants pinned when done.
connectRunsAutosave(appStore, storage);
connectRunClock(appStore);
connectVariantWatcher(appStore);
const openLinks = (hash: string, initial: boolean) => {
  const lab = initial ? openInitialLab(appStore, storage, hash) : openLabFromHash(appStore, storage, hash);
  const lesson = openLessonFromHash(appStore, hash);
  if (!lesson) openClassLesson(appStore);
  if (lab || lesson) dropHash();
};
openLinks(window.location.hash, true);
// Imported rows are kept in IndexedDB: a reload (or a lab opened again) finds them there first.
connectTablePersistence(appStore, indexedDbTables());
window.addEventListener('hashchange', () => openLinks(window.location.hash, false));
// Presenter view, remembered in this browser (after the lab, so that it collapses the lab's open panel).
connectPresenterSetting(appStore, storage);

// ?speed=1|4|16|full sets the training speed (tests and the benchmark pin full speed).
const speedParam = new URLSearchParams(window.location.search).get('speed');
const speedChoice = SPEEDS.find((s) => s.value === speedParam);
if (speedChoice) appStore.getState().setSpeed(speedChoice.perFrame);

// ?backend=webgl|wasm|cpu|auto overrides the backend choice.
const requested = new URLSearchParams(window.location.search).get('backend');
if (requested && (BACKEND_PREFS as readonly string[]).includes(requested)) {
  appStore.getState().setBackendPref(requested as BackendPref);
} else if (requested) {
  appStore
    .getState()
    .notify('error', `Unknown backend "${requested}" in the address; use webgl, wasm, cpu or auto.`);
}

const client = createWorkerClient((message) => {
  appStore.getState().setStatus('failed');
  appStore
    .getState()
    .notify('error', `The training engine stopped: ${message}. Reload the page to try again.`);
});
// Auto times WebGL against WASM on each model size where WebGL2 runs on a hardware GPU;
// ?race=force races on software WebGL too (the benchmark and e2e, on machines without a GPU).
const trainer = connectTrainer(appStore, client, undefined, {
  racer: createRaceClient,
  storage,
  force: new URLSearchParams(window.location.search).get('race') === 'force',
});
// The learning-rate sweep (Training health tab) runs in workers of its own. ?sweepSteps=N (1 to 200)
// shortens each run for the e2e tests only; the app's sweep is 200 steps a run.
const sweepSteps = Number(new URLSearchParams(window.location.search).get('sweepSteps'));
const sweep = connectSweep(
  appStore,
  createSweepEngine(),
  Number.isInteger(sweepSteps) && sweepSteps >= 1 && sweepSteps <= 200 ? { steps: sweepSteps } : {},
);
// The trained weights are kept too (throttled), so a reload mid-training goes on from there.
connectWeightsAutosave(appStore, storage, () => trainer.weights());

// Every change is saved shortly after it is made, and at once when the page is hidden or closed.
// Saving now says at once when this browser refuses its storage or it is full (the storage banner).
const autosave = connectAutosave(appStore, storage);
autosave.saveNow();
// Another tab that saves a different lab is never overwritten silently: this tab asks which to keep.
connectOtherTabs(appStore, browserStorageEvents);
window.addEventListener('pagehide', () => autosave.flush());
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') autosave.flush();
});

// ?debug=1 exposes diagnostics for tests, bug reports and the benchmark (e.g. forcing a GPU context loss).
if (new URLSearchParams(window.location.search).get('debug') === '1') {
  Object.assign(window, {
    normlab: {
      store: appStore,
      trainer,
      // Pins the live run (the benchmark draws pinned runs beside the live one).
      pinRun: () => pinLiveRun(appStore),
      loseGpuContext: () => client.loseGpuContext?.(),
      diagnostics: () => client.diagnostics?.(),
      // The benchmark's bare tfjs loop in its own worker (bench/run.mjs); its chunk loads only here.
      bench: () => import('../bench/bareClient').then((m) => m.startBareBench()),
    },
  });
}

// The service worker (built site only; a no-op under the dev server) caches the app for offline use
// and offers a new version through the update prompt instead of switching under the person's feet.
const appUpdate = createAppUpdate(registerSW, browserPage());

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <TrainerContext.Provider value={trainer}>
      <SweepContext.Provider value={sweep}>
        <AppUpdateContext.Provider value={appUpdate}>
          <ViewChartStyle>
            <App />
          </ViewChartStyle>
        </AppUpdateContext.Provider>
      </SweepContext.Provider>
    </TrainerContext.Provider>
  </StrictMode>,
);
