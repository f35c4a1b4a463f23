-- The control layer computes from the model (issue 9): services need a TCP port for flow rules
-- and mesh routes, dependencies may cross an ordered chain of VNFs, controllers use cpu and
-- memory on their host like VNFs do, and what the controllers produce is kept as versions.

-- 8080: the port most HTTP microservices listen on when a manifest does not say.
ALTER TABLE "Service" ADD COLUMN "port" INTEGER NOT NULL DEFAULT 8080;
ALTER TABLE "Service" ADD CONSTRAINT "Service_port_check" CHECK ("port" BETWEEN 1 AND 65535);

ALTER TABLE "Controller" ADD COLUMN "cpuCores" DOUBLE PRECISION NOT NULL DEFAULT 1;
ALTER TABLE "Controller" ADD COLUMN "memoryMiB" INTEGER NOT NULL DEFAULT 1024;
ALTER TABLE "Controller" ADD CONSTRAINT "Controller_capacity_check" CHECK ("cpuCores" >= 0 AND "memoryMiB" >= 0);

-- CreateTable
CREATE TABLE "ServiceDependencyVnf" (
    "fromServiceId" TEXT NOT NULL,
    "toServiceId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "vnfId" TEXT NOT NULL,

    CONSTRAINT "ServiceDependencyVnf_pkey" PRIMARY KEY ("fromServiceId", "toServiceId", "position"),
    CONSTRAINT "ServiceDependencyVnf_position_check" CHECK ("position" >= 0)
);

-- CreateIndex
CREATE INDEX "ServiceDependencyVnf_vnfId_idx" ON "ServiceDependencyVnf"("vnfId");

-- AddForeignKey
ALTER TABLE "ServiceDependencyVnf" ADD CONSTRAINT "ServiceDependencyVnf_fromServiceId_toServiceId_fkey" FOREIGN KEY ("fromServiceId", "toServiceId") REFERENCES "ServiceDependency"("fromServiceId", "toServiceId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceDependencyVnf" ADD CONSTRAINT "ServiceDependencyVnf_vnfId_fkey" FOREIGN KEY ("vnfId") REFERENCES "Vnf"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateEnum
CREATE TYPE "ControlArtifactKind" AS ENUM ('routes', 'link_load', 'flows', 'mesh');

-- CreateTable
CREATE TABLE "ControlArtifact" (
    "id" TEXT NOT NULL,
    "scenarioId" TEXT NOT NULL,
    "controllerId" TEXT,
    "kind" "ControlArtifactKind" NOT NULL,
    "version" INTEGER NOT NULL,
    "content" JSONB NOT NULL,
    "digest" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "placementRunId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ControlArtifact_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ControlArtifact_version_check" CHECK ("version" >= 1)
);

-- CreateIndex
CREATE UNIQUE INDEX "ControlArtifact_scenarioId_kind_controllerId_version_key" ON "ControlArtifact"("scenarioId", "kind", "controllerId", "version");

-- CreateIndex
CREATE INDEX "ControlArtifact_controllerId_idx" ON "ControlArtifact"("controllerId");

-- CreateIndex
CREATE INDEX "ControlArtifact_placementRunId_idx" ON "ControlArtifact"("placementRunId");

-- AddForeignKey
ALTER TABLE "ControlArtifact" ADD CONSTRAINT "ControlArtifact_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ControlArtifact" ADD CONSTRAINT "ControlArtifact_controllerId_fkey" FOREIGN KEY ("controllerId") REFERENCES "Controller"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ControlArtifact" ADD CONSTRAINT "ControlArtifact_placementRunId_fkey" FOREIGN KEY ("placementRunId") REFERENCES "PlacementRun"("id") ON DELETE SET NULL ON UPDATE CASCADE;
