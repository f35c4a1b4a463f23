-- CreateEnum
CREATE TYPE "Tier" AS ENUM ('device', 'edge', 'cloud');

-- CreateEnum
CREATE TYPE "NetworkNodeKind" AS ENUM ('switch', 'router', 'base_station', 'access_point', 'gateway');

-- CreateEnum
CREATE TYPE "LinkMedium" AS ENUM ('fiber', 'ethernet', 'nr_5g', 'lte_4g', 'wifi', 'microwave', 'satellite');

-- CreateEnum
CREATE TYPE "VnfKind" AS ENUM ('firewall', 'load_balancer', 'nat', 'ids', 'dpi', 'vpn_gateway', 'upf');

-- CreateEnum
CREATE TYPE "ControllerKind" AS ENUM ('orchestrator', 'mesh', 'sdn', 'mano');

-- CreateEnum
CREATE TYPE "PolicyType" AS ENUM ('affinity', 'anti_affinity', 'pin', 'spread', 'max_utilisation');

-- CreateEnum
CREATE TYPE "RunStatus" AS ENUM ('queued', 'running', 'optimal', 'feasible', 'infeasible', 'no_solution', 'timeout', 'cancelled', 'error');

-- CreateTable
CREATE TABLE "Scenario" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "appliedRunId" TEXT,

    CONSTRAINT "Scenario_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Site" (
    "id" TEXT NOT NULL,
    "scenarioId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "provider" TEXT NOT NULL DEFAULT '',
    "region" TEXT NOT NULL DEFAULT '',
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "posX" DOUBLE PRECISION,
    "posY" DOUBLE PRECISION,

    CONSTRAINT "Site_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EdgeServer" (
    "id" TEXT NOT NULL,
    "scenarioId" TEXT NOT NULL,
    "siteId" TEXT,
    "name" TEXT NOT NULL,
    "tier" "Tier" NOT NULL DEFAULT 'edge',
    "arch" TEXT NOT NULL DEFAULT 'amd64',
    "cpuCores" DOUBLE PRECISION NOT NULL,
    "memoryMiB" INTEGER NOT NULL,
    "storageBytes" BIGINT NOT NULL,
    "bandwidthMbps" INTEGER NOT NULL,
    "accelerators" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "posX" DOUBLE PRECISION,
    "posY" DOUBLE PRECISION,

    CONSTRAINT "EdgeServer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NetworkNode" (
    "id" TEXT NOT NULL,
    "scenarioId" TEXT NOT NULL,
    "siteId" TEXT,
    "name" TEXT NOT NULL,
    "kind" "NetworkNodeKind" NOT NULL,
    "sdnManaged" BOOLEAN NOT NULL DEFAULT false,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "posX" DOUBLE PRECISION,
    "posY" DOUBLE PRECISION,

    CONSTRAINT "NetworkNode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Link" (
    "id" TEXT NOT NULL,
    "scenarioId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "medium" "LinkMedium" NOT NULL,
    "bandwidthMbps" INTEGER NOT NULL,
    "latencyMs" DOUBLE PRECISION NOT NULL,
    "lossPercent" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "aEdgeServerId" TEXT,
    "aNodeId" TEXT,
    "bEdgeServerId" TEXT,
    "bNodeId" TEXT,

    CONSTRAINT "Link_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Vnf" (
    "id" TEXT NOT NULL,
    "scenarioId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "VnfKind" NOT NULL,
    "hostServerId" TEXT NOT NULL,
    "cpuCores" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "memoryMiB" INTEGER NOT NULL DEFAULT 1024,
    "nextVnfId" TEXT,
    "posX" DOUBLE PRECISION,
    "posY" DOUBLE PRECISION,

    CONSTRAINT "Vnf_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Registry" (
    "id" TEXT NOT NULL,
    "scenarioId" TEXT NOT NULL,
    "siteId" TEXT,
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "posX" DOUBLE PRECISION,
    "posY" DOUBLE PRECISION,

    CONSTRAINT "Registry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Image" (
    "id" TEXT NOT NULL,
    "scenarioId" TEXT NOT NULL,
    "registryId" TEXT,
    "repository" TEXT NOT NULL,
    "tag" TEXT NOT NULL,
    "arch" TEXT NOT NULL DEFAULT 'amd64',
    "manifestDigest" TEXT,

    CONSTRAINT "Image_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Layer" (
    "id" TEXT NOT NULL,
    "scenarioId" TEXT NOT NULL,
    "digest" TEXT NOT NULL,
    "sizeBytes" BIGINT NOT NULL,

    CONSTRAINT "Layer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImageLayer" (
    "imageId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "layerId" TEXT NOT NULL,

    CONSTRAINT "ImageLayer_pkey" PRIMARY KEY ("imageId", "position")
);

-- CreateTable
CREATE TABLE "EdgeServerCachedLayer" (
    "edgeServerId" TEXT NOT NULL,
    "layerId" TEXT NOT NULL,

    CONSTRAINT "EdgeServerCachedLayer_pkey" PRIMARY KEY ("edgeServerId", "layerId")
);

-- CreateTable
CREATE TABLE "Service" (
    "id" TEXT NOT NULL,
    "scenarioId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "imageRef" TEXT NOT NULL,
    "imageId" TEXT,
    "replicas" INTEGER NOT NULL DEFAULT 1,
    "cpuCores" DOUBLE PRECISION NOT NULL,
    "memoryMiB" INTEGER NOT NULL,
    "bandwidthMbps" INTEGER NOT NULL DEFAULT 0,
    "arch" TEXT,
    "accelerator" TEXT,
    "posX" DOUBLE PRECISION,
    "posY" DOUBLE PRECISION,

    CONSTRAINT "Service_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceDependency" (
    "fromServiceId" TEXT NOT NULL,
    "toServiceId" TEXT NOT NULL,
    "trafficMbps" DOUBLE PRECISION NOT NULL DEFAULT 0,

    CONSTRAINT "ServiceDependency_pkey" PRIMARY KEY ("fromServiceId", "toServiceId")
);

-- CreateTable
CREATE TABLE "Controller" (
    "id" TEXT NOT NULL,
    "scenarioId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "ControllerKind" NOT NULL,
    "product" TEXT NOT NULL DEFAULT '',
    "hostServerId" TEXT NOT NULL,
    "posX" DOUBLE PRECISION,
    "posY" DOUBLE PRECISION,

    CONSTRAINT "Controller_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ControllerManagedEdgeServer" (
    "controllerId" TEXT NOT NULL,
    "edgeServerId" TEXT NOT NULL,

    CONSTRAINT "ControllerManagedEdgeServer_pkey" PRIMARY KEY ("controllerId", "edgeServerId")
);

-- CreateTable
CREATE TABLE "ControllerManagedNetworkNode" (
    "controllerId" TEXT NOT NULL,
    "networkNodeId" TEXT NOT NULL,

    CONSTRAINT "ControllerManagedNetworkNode_pkey" PRIMARY KEY ("controllerId", "networkNodeId")
);

-- CreateTable
CREATE TABLE "ControllerManagedService" (
    "controllerId" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,

    CONSTRAINT "ControllerManagedService_pkey" PRIMARY KEY ("controllerId", "serviceId")
);

-- CreateTable
CREATE TABLE "ControllerManagedVnf" (
    "controllerId" TEXT NOT NULL,
    "vnfId" TEXT NOT NULL,

    CONSTRAINT "ControllerManagedVnf_pkey" PRIMARY KEY ("controllerId", "vnfId")
);

-- CreateTable
CREATE TABLE "Policy" (
    "id" TEXT NOT NULL,
    "scenarioId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" "PolicyType" NOT NULL,
    "fraction" DOUBLE PRECISION,

    CONSTRAINT "Policy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PolicyService" (
    "policyId" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,

    CONSTRAINT "PolicyService_pkey" PRIMARY KEY ("policyId", "serviceId")
);

-- CreateTable
CREATE TABLE "PolicyEdgeServer" (
    "policyId" TEXT NOT NULL,
    "edgeServerId" TEXT NOT NULL,

    CONSTRAINT "PolicyEdgeServer_pkey" PRIMARY KEY ("policyId", "edgeServerId")
);

-- CreateTable
CREATE TABLE "PlacementRun" (
    "id" TEXT NOT NULL,
    "scenarioId" TEXT NOT NULL,
    "algorithm" TEXT NOT NULL,
    "engine" TEXT NOT NULL DEFAULT 'auto',
    "objective" TEXT NOT NULL DEFAULT 'storage',
    "timeLimitSec" DOUBLE PRECISION NOT NULL DEFAULT 30,
    "status" "RunStatus" NOT NULL DEFAULT 'queued',
    "cancelRequested" BOOLEAN NOT NULL DEFAULT false,
    "claimedBy" TEXT,
    "costBytes" BIGINT,
    "lowerBoundBytes" BIGINT,
    "noSharingBytes" BIGINT,
    "elapsedMs" INTEGER,
    "message" TEXT,
    "progress" JSONB,
    "problem" JSONB,
    "result" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "PlacementRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Assignment" (
    "runId" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "replica" INTEGER NOT NULL,
    "edgeServerId" TEXT NOT NULL,

    CONSTRAINT "Assignment_pkey" PRIMARY KEY ("runId", "serviceId", "replica")
);

-- CreateIndex
CREATE UNIQUE INDEX "Scenario_name_key" ON "Scenario"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Scenario_appliedRunId_key" ON "Scenario"("appliedRunId");

-- CreateIndex
CREATE UNIQUE INDEX "Site_scenarioId_name_key" ON "Site"("scenarioId", "name");

-- CreateIndex
CREATE INDEX "EdgeServer_siteId_idx" ON "EdgeServer"("siteId");

-- CreateIndex
CREATE UNIQUE INDEX "EdgeServer_scenarioId_name_key" ON "EdgeServer"("scenarioId", "name");

-- CreateIndex
CREATE INDEX "NetworkNode_siteId_idx" ON "NetworkNode"("siteId");

-- CreateIndex
CREATE UNIQUE INDEX "NetworkNode_scenarioId_name_key" ON "NetworkNode"("scenarioId", "name");

-- CreateIndex
CREATE INDEX "Link_aEdgeServerId_idx" ON "Link"("aEdgeServerId");

-- CreateIndex
CREATE INDEX "Link_aNodeId_idx" ON "Link"("aNodeId");

-- CreateIndex
CREATE INDEX "Link_bEdgeServerId_idx" ON "Link"("bEdgeServerId");

-- CreateIndex
CREATE INDEX "Link_bNodeId_idx" ON "Link"("bNodeId");

-- CreateIndex
CREATE UNIQUE INDEX "Link_scenarioId_name_key" ON "Link"("scenarioId", "name");

-- CreateIndex
CREATE INDEX "Vnf_hostServerId_idx" ON "Vnf"("hostServerId");

-- CreateIndex
CREATE UNIQUE INDEX "Vnf_scenarioId_name_key" ON "Vnf"("scenarioId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Registry_scenarioId_name_key" ON "Registry"("scenarioId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Image_scenarioId_repository_tag_arch_key" ON "Image"("scenarioId", "repository", "tag", "arch");

-- CreateIndex
CREATE UNIQUE INDEX "Layer_scenarioId_digest_key" ON "Layer"("scenarioId", "digest");

-- CreateIndex
CREATE INDEX "ImageLayer_layerId_idx" ON "ImageLayer"("layerId");

-- CreateIndex
CREATE INDEX "EdgeServerCachedLayer_layerId_idx" ON "EdgeServerCachedLayer"("layerId");

-- CreateIndex
CREATE INDEX "Service_imageId_idx" ON "Service"("imageId");

-- CreateIndex
CREATE UNIQUE INDEX "Service_scenarioId_name_key" ON "Service"("scenarioId", "name");

-- CreateIndex
CREATE INDEX "ServiceDependency_toServiceId_idx" ON "ServiceDependency"("toServiceId");

-- CreateIndex
CREATE INDEX "Controller_hostServerId_idx" ON "Controller"("hostServerId");

-- CreateIndex
CREATE UNIQUE INDEX "Controller_scenarioId_name_key" ON "Controller"("scenarioId", "name");

-- CreateIndex
CREATE INDEX "ControllerManagedEdgeServer_edgeServerId_idx" ON "ControllerManagedEdgeServer"("edgeServerId");

-- CreateIndex
CREATE INDEX "ControllerManagedNetworkNode_networkNodeId_idx" ON "ControllerManagedNetworkNode"("networkNodeId");

-- CreateIndex
CREATE INDEX "ControllerManagedService_serviceId_idx" ON "ControllerManagedService"("serviceId");

-- CreateIndex
CREATE INDEX "ControllerManagedVnf_vnfId_idx" ON "ControllerManagedVnf"("vnfId");

-- CreateIndex
CREATE UNIQUE INDEX "Policy_scenarioId_name_key" ON "Policy"("scenarioId", "name");

-- CreateIndex
CREATE INDEX "PolicyService_serviceId_idx" ON "PolicyService"("serviceId");

-- CreateIndex
CREATE INDEX "PolicyEdgeServer_edgeServerId_idx" ON "PolicyEdgeServer"("edgeServerId");

-- CreateIndex
CREATE INDEX "PlacementRun_status_createdAt_idx" ON "PlacementRun"("status", "createdAt");

-- CreateIndex
CREATE INDEX "PlacementRun_scenarioId_createdAt_idx" ON "PlacementRun"("scenarioId", "createdAt");

-- CreateIndex
CREATE INDEX "Assignment_edgeServerId_idx" ON "Assignment"("edgeServerId");

-- CreateIndex
CREATE INDEX "Assignment_serviceId_idx" ON "Assignment"("serviceId");

-- AddForeignKey
ALTER TABLE "Scenario" ADD CONSTRAINT "Scenario_appliedRunId_fkey" FOREIGN KEY ("appliedRunId") REFERENCES "PlacementRun"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Site" ADD CONSTRAINT "Site_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EdgeServer" ADD CONSTRAINT "EdgeServer_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EdgeServer" ADD CONSTRAINT "EdgeServer_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NetworkNode" ADD CONSTRAINT "NetworkNode_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NetworkNode" ADD CONSTRAINT "NetworkNode_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Link" ADD CONSTRAINT "Link_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Link" ADD CONSTRAINT "Link_aEdgeServerId_fkey" FOREIGN KEY ("aEdgeServerId") REFERENCES "EdgeServer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Link" ADD CONSTRAINT "Link_aNodeId_fkey" FOREIGN KEY ("aNodeId") REFERENCES "NetworkNode"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Link" ADD CONSTRAINT "Link_bEdgeServerId_fkey" FOREIGN KEY ("bEdgeServerId") REFERENCES "EdgeServer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Link" ADD CONSTRAINT "Link_bNodeId_fkey" FOREIGN KEY ("bNodeId") REFERENCES "NetworkNode"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vnf" ADD CONSTRAINT "Vnf_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vnf" ADD CONSTRAINT "Vnf_hostServerId_fkey" FOREIGN KEY ("hostServerId") REFERENCES "EdgeServer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vnf" ADD CONSTRAINT "Vnf_nextVnfId_fkey" FOREIGN KEY ("nextVnfId") REFERENCES "Vnf"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Registry" ADD CONSTRAINT "Registry_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Registry" ADD CONSTRAINT "Registry_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Image" ADD CONSTRAINT "Image_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Image" ADD CONSTRAINT "Image_registryId_fkey" FOREIGN KEY ("registryId") REFERENCES "Registry"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Layer" ADD CONSTRAINT "Layer_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImageLayer" ADD CONSTRAINT "ImageLayer_imageId_fkey" FOREIGN KEY ("imageId") REFERENCES "Image"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImageLayer" ADD CONSTRAINT "ImageLayer_layerId_fkey" FOREIGN KEY ("layerId") REFERENCES "Layer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EdgeServerCachedLayer" ADD CONSTRAINT "EdgeServerCachedLayer_edgeServerId_fkey" FOREIGN KEY ("edgeServerId") REFERENCES "EdgeServer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EdgeServerCachedLayer" ADD CONSTRAINT "EdgeServerCachedLayer_layerId_fkey" FOREIGN KEY ("layerId") REFERENCES "Layer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Service" ADD CONSTRAINT "Service_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Service" ADD CONSTRAINT "Service_imageId_fkey" FOREIGN KEY ("imageId") REFERENCES "Image"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceDependency" ADD CONSTRAINT "ServiceDependency_fromServiceId_fkey" FOREIGN KEY ("fromServiceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceDependency" ADD CONSTRAINT "ServiceDependency_toServiceId_fkey" FOREIGN KEY ("toServiceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Controller" ADD CONSTRAINT "Controller_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Controller" ADD CONSTRAINT "Controller_hostServerId_fkey" FOREIGN KEY ("hostServerId") REFERENCES "EdgeServer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ControllerManagedEdgeServer" ADD CONSTRAINT "ControllerManagedEdgeServer_controllerId_fkey" FOREIGN KEY ("controllerId") REFERENCES "Controller"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ControllerManagedEdgeServer" ADD CONSTRAINT "ControllerManagedEdgeServer_edgeServerId_fkey" FOREIGN KEY ("edgeServerId") REFERENCES "EdgeServer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ControllerManagedNetworkNode" ADD CONSTRAINT "ControllerManagedNetworkNode_controllerId_fkey" FOREIGN KEY ("controllerId") REFERENCES "Controller"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ControllerManagedNetworkNode" ADD CONSTRAINT "ControllerManagedNetworkNode_networkNodeId_fkey" FOREIGN KEY ("networkNodeId") REFERENCES "NetworkNode"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ControllerManagedService" ADD CONSTRAINT "ControllerManagedService_controllerId_fkey" FOREIGN KEY ("controllerId") REFERENCES "Controller"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ControllerManagedService" ADD CONSTRAINT "ControllerManagedService_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ControllerManagedVnf" ADD CONSTRAINT "ControllerManagedVnf_controllerId_fkey" FOREIGN KEY ("controllerId") REFERENCES "Controller"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ControllerManagedVnf" ADD CONSTRAINT "ControllerManagedVnf_vnfId_fkey" FOREIGN KEY ("vnfId") REFERENCES "Vnf"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Policy" ADD CONSTRAINT "Policy_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyService" ADD CONSTRAINT "PolicyService_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "Policy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyService" ADD CONSTRAINT "PolicyService_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyEdgeServer" ADD CONSTRAINT "PolicyEdgeServer_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "Policy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyEdgeServer" ADD CONSTRAINT "PolicyEdgeServer_edgeServerId_fkey" FOREIGN KEY ("edgeServerId") REFERENCES "EdgeServer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlacementRun" ADD CONSTRAINT "PlacementRun_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_runId_fkey" FOREIGN KEY ("runId") REFERENCES "PlacementRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_edgeServerId_fkey" FOREIGN KEY ("edgeServerId") REFERENCES "EdgeServer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Checks Prisma's schema language cannot state. Each link end is exactly one endpoint kind,
-- so the database refuses a dangling or doubly-attached end.
ALTER TABLE "Link" ADD CONSTRAINT "Link_a_end_exactly_one" CHECK (num_nonnulls("aEdgeServerId", "aNodeId") = 1);
ALTER TABLE "Link" ADD CONSTRAINT "Link_b_end_exactly_one" CHECK (num_nonnulls("bEdgeServerId", "bNodeId") = 1);
ALTER TABLE "Link" ADD CONSTRAINT "Link_not_self_loop" CHECK ("aEdgeServerId" IS DISTINCT FROM "bEdgeServerId" OR "aEdgeServerId" IS NULL);
ALTER TABLE "Link" ADD CONSTRAINT "Link_not_self_loop_node" CHECK ("aNodeId" IS DISTINCT FROM "bNodeId" OR "aNodeId" IS NULL);
ALTER TABLE "Link" ADD CONSTRAINT "Link_values" CHECK ("bandwidthMbps" > 0 AND "latencyMs" >= 0 AND "lossPercent" >= 0 AND "lossPercent" <= 100);

ALTER TABLE "EdgeServer" ADD CONSTRAINT "EdgeServer_capacities" CHECK ("cpuCores" > 0 AND "memoryMiB" > 0 AND "storageBytes" >= 0 AND "bandwidthMbps" > 0);
ALTER TABLE "Layer" ADD CONSTRAINT "Layer_size" CHECK ("sizeBytes" >= 0);
ALTER TABLE "ImageLayer" ADD CONSTRAINT "ImageLayer_position" CHECK ("position" >= 0);
ALTER TABLE "Service" ADD CONSTRAINT "Service_demands" CHECK ("replicas" >= 0 AND "cpuCores" >= 0 AND "memoryMiB" >= 0 AND "bandwidthMbps" >= 0);
ALTER TABLE "ServiceDependency" ADD CONSTRAINT "ServiceDependency_not_self" CHECK ("fromServiceId" <> "toServiceId");
ALTER TABLE "Vnf" ADD CONSTRAINT "Vnf_not_self_chained" CHECK ("nextVnfId" IS DISTINCT FROM "id");
ALTER TABLE "Policy" ADD CONSTRAINT "Policy_fraction" CHECK (
  ("type" = 'max_utilisation' AND "fraction" > 0 AND "fraction" <= 1)
  OR ("type" <> 'max_utilisation' AND "fraction" IS NULL)
);
