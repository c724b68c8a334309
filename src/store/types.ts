import type { DataSlice } from './dataSlice';
import type { GraphSlice } from './graphSlice';
import type { HealthSlice } from './healthSlice';
import type { LabSlice } from './labSlice';
import type { LessonSlice } from './lessonSlice';
import type { ProbeSlice } from './probeSlice';
import type { RunsSlice } from './runsSlice';
import type { StorageSlice } from './storageSlice';
import type { TrainingSlice } from './trainingSlice';
import type { UiSlice } from './uiSlice';

/** The whole app state: one store built from typed slices. */
export type AppState = GraphSlice &
  DataSlice &
  TrainingSlice &
  UiSlice &
  ProbeSlice &
  LabSlice &
  LessonSlice &
  StorageSlice &
  HealthSlice &
  RunsSlice;
