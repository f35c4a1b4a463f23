import type { ScenarioDocumentInput } from '@/lib/scenario-document/scenario-document-schema';

/** One public data file a sample reads, credited as datasets/SOURCES.md credits it. */
type SampleSource = {
  /** Path under datasets/, or `lib/…` for data written by this project. */
  file: string;
  origin: string;
  licence: string;
  /** What the sample takes from it, and what it had to choose itself. */
  use: string;
};

export type SampleProgress = { done: number; total: number; label: string };
type ReportProgress = (label: string) => void;

export type Sample = {
  /** The name the command line and the URL use: lowercase, no spaces. */
  name: string;
  title: string;
  summary: string;
  /** The scenario name used when the caller gives none. */
  defaultScenarioName: string;
  sources: SampleSource[];
  /** Steps `build` reports, for the progress bar (the writer adds its own). */
  buildSteps: number;
  /** Reads the data and returns the scenario document; `report` is called once per step. */
  build: (report: ReportProgress) => ScenarioDocumentInput;
};
