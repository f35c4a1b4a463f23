-- Every claim of a placement run or an experiment counts an attempt: it proves that a run was
-- solved exactly once, and caps how often a run whose worker died is put back in the queue.

-- AlterTable
ALTER TABLE "PlacementRun" ADD COLUMN "attempts" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "ExperimentRun" ADD COLUMN "attempts" INTEGER NOT NULL DEFAULT 0;
