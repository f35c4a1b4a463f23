-- Placement runs and experiments are queued in the database and claimed by workers with
-- FOR UPDATE SKIP LOCKED; a heartbeat tells a live worker from one that died.

-- AlterTable
ALTER TABLE "PlacementRun" ADD COLUMN "heartbeatAt" TIMESTAMP(3),
ADD COLUMN "seed" INTEGER NOT NULL DEFAULT 1;

-- CreateEnum
CREATE TYPE "ExperimentStatus" AS ENUM ('queued', 'running', 'done', 'cancelled', 'error');

-- CreateTable
CREATE TABLE "ExperimentRun" (
    "id" TEXT NOT NULL,
    "scenarioId" TEXT NOT NULL,
    "figure" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "params" JSONB NOT NULL,
    "status" "ExperimentStatus" NOT NULL DEFAULT 'queued',
    "cancelRequested" BOOLEAN NOT NULL DEFAULT false,
    "claimedBy" TEXT,
    "heartbeatAt" TIMESTAMP(3),
    "pointsDone" INTEGER NOT NULL DEFAULT 0,
    "pointsTotal" INTEGER NOT NULL,
    "points" JSONB NOT NULL,
    "message" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ExperimentRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ExperimentRun_status_createdAt_idx" ON "ExperimentRun"("status", "createdAt");

-- CreateIndex
CREATE INDEX "ExperimentRun_scenarioId_createdAt_idx" ON "ExperimentRun"("scenarioId", "createdAt");

-- AddForeignKey
ALTER TABLE "ExperimentRun" ADD CONSTRAINT "ExperimentRun_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "ExperimentRun" ADD CONSTRAINT "ExperimentRun_figure" CHECK ("figure" IN ('containers', 'capacity'));
ALTER TABLE "ExperimentRun" ADD CONSTRAINT "ExperimentRun_source" CHECK ("source" IN ('synthetic', 'scenario'));
ALTER TABLE "ExperimentRun" ADD CONSTRAINT "ExperimentRun_points" CHECK ("pointsDone" >= 0 AND "pointsTotal" >= 0);
