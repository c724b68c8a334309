import { ReactFlowProvider } from '@xyflow/react';
import { useState } from 'react';
import { AnalysisDock } from '../components/analysis/AnalysisDock';
import { CollapseBanner } from '../components/analysis/CollapseBanner';
import { BackendControls } from '../components/BackendControls';
import { BuildToggle } from '../components/BuildToggle';
import { Canvas } from '../components/Canvas';
import { ChartsPanel } from '../components/ChartsPanel';
import { ClassBanner } from '../components/classroom/ClassBanner';
import { useHidden } from '../components/classroom/useClassroom';
import { DataControls } from '../components/DataControls';
import { CsvImportDialog } from '../components/data/CsvImportDialog';
import { CsvMissingBanner } from '../components/data/CsvMissingBanner';
import { HyperControls } from '../components/HyperControls';
import { Inspector } from '../components/Inspector';
import { LabControls } from '../components/lab/LabControls';
import { useLabFileDrop } from '../components/lab/useLabFileDrop';
import { LessonList } from '../components/lessons/LessonList';
import { LessonPanel } from '../components/lessons/LessonPanel';
import { MetricsPanel } from '../components/MetricsPanel';
import { NoticeBar } from '../components/NoticeBar';
import { Palette } from '../components/Palette';
import { RunControls } from '../components/RunControls';
import { ShortcutsDialog } from '../components/shortcuts/ShortcutsDialog';
import { useShortcuts } from '../components/shortcuts/useShortcuts';
import { OtherTabBanner } from '../components/storage/OtherTabBanner';
import { StorageProblemBanner } from '../components/storage/StorageProblemBanner';
import { UndoRedo } from '../components/UndoRedo';
import { UpdatePrompt } from '../components/UpdatePrompt';
import { ViewControls } from '../components/ViewControls';
import { useAppStore } from '../store/store';

/**
 * The page: toolbar on top; palette and inspector, canvas over the analysis panels, run panel and charts.
 * Presenter view is the class `presenter` on the root: the CSS does the layout (src/app/presenter.css).
 */
export function App() {
  useLabFileDrop();
  useShortcuts();
  const presenter = useAppStore((s) => s.presenter);
  const inLesson = useAppStore((s) => s.activeLesson !== null);
  const hidePalette = useHidden('palette');
  const hideInspector = useHidden('inspector');
  const hideLabButtons = useHidden('labButtons');
  const hideBackend = useHidden('backend');
  // On a phone the left column folds under the canvas (src/app/responsive.css).
  const [buildOpen, setBuildOpen] = useState(false);
  return (
    <ReactFlowProvider>
      <div className={`app${presenter ? ' presenter' : ''}${inLesson ? ' with-lesson' : ''}`}>
        <header className="toolbar">
          <h1 className="brand" title="See what normalization and activation layers really do">
            NormLab
          </h1>
          <DataControls />
          <HyperControls />
          <ViewControls />
          <LessonList />
        </header>
        <aside className={`left-column${buildOpen ? ' open' : ''}`}>
          <BuildToggle open={buildOpen} onToggle={() => setBuildOpen((o) => !o)} />
          <LessonPanel />
          <section className="lab" aria-label="Lab">
            <UndoRedo />
            {!hideLabButtons && <LabControls />}
          </section>
          {!hidePalette && <Palette />}
          {!hideInspector && <Inspector />}
        </aside>
        <main className="center-column">
          <StorageProblemBanner />
          <OtherTabBanner />
          <ClassBanner />
          <CsvMissingBanner />
          <CollapseBanner />
          <div className="canvas-wrap">
            <NoticeBar />
            <Canvas />
          </div>
          <AnalysisDock />
        </main>
        <aside className="right-column" aria-label="Training">
          <RunControls />
          {!hideBackend && <BackendControls />}
          <MetricsPanel />
          <ChartsPanel />
        </aside>
        <ShortcutsDialog />
        <CsvImportDialog />
        <UpdatePrompt />
      </div>
    </ReactFlowProvider>
  );
}
