import { ReactFlowProvider } from '@xyflow/react';
import { AnalysisDock } from '../components/analysis/AnalysisDock';
import { CollapseBanner } from '../components/analysis/CollapseBanner';
import { BackendControls } from '../components/BackendControls';
import { Canvas } from '../components/Canvas';
import { ChartsPanel } from '../components/ChartsPanel';
import { DataControls } from '../components/DataControls';
import { HyperControls } from '../components/HyperControls';
import { Inspector } from '../components/Inspector';
import { LabControls } from '../components/lab/LabControls';
import { useLabFileDrop } from '../components/lab/useLabFileDrop';
import { MetricsPanel } from '../components/MetricsPanel';
import { NoticeBar } from '../components/NoticeBar';
import { Palette } from '../components/Palette';
import { RunControls } from '../components/RunControls';
import { UndoRedo } from '../components/UndoRedo';
import { UpdatePrompt } from '../components/UpdatePrompt';

/** The page: toolbar on top; palette and inspector, canvas over the analysis panels, run panel and charts. */
export function App() {
  useLabFileDrop();
  return (
    <ReactFlowProvider>
      <div className="app">
        <header className="toolbar">
          <h1 className="brand" title="See what normalization and activation layers really do">
            NormLab
          </h1>
          <DataControls />
          <HyperControls />
          <BackendControls />
        </header>
        <aside className="left-column">
          <section className="lab" aria-label="Lab">
            <UndoRedo />
            <LabControls />
          </section>
          <Palette />
          <Inspector />
        </aside>
        <main className="center-column">
          <CollapseBanner />
          <div className="canvas-wrap">
            <NoticeBar />
            <Canvas />
          </div>
          <AnalysisDock />
        </main>
        <aside className="right-column" aria-label="Training">
          <RunControls />
          <MetricsPanel />
          <ChartsPanel />
        </aside>
        <UpdatePrompt />
      </div>
    </ReactFlowProvider>
  );
}
