-- A registry becomes a node of the topology (network-aware placement): it is attached to one
-- network node or one edge server, and pulls reach it over the network's paths. Deleting what it
-- is attached to leaves it unattached. The editor draws and edits registries, so they get the
-- optimistic-concurrency version every drawn entity has.
ALTER TABLE "Registry" ADD COLUMN "networkNodeId" TEXT;
ALTER TABLE "Registry" ADD COLUMN "edgeServerId" TEXT;
ALTER TABLE "Registry" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;

ALTER TABLE "Registry" ADD CONSTRAINT "Registry_attachment_check" CHECK (num_nonnulls("networkNodeId", "edgeServerId") <= 1);

CREATE INDEX "Registry_networkNodeId_idx" ON "Registry"("networkNodeId");
CREATE INDEX "Registry_edgeServerId_idx" ON "Registry"("edgeServerId");

ALTER TABLE "Registry" ADD CONSTRAINT "Registry_networkNodeId_fkey" FOREIGN KEY ("networkNodeId") REFERENCES "NetworkNode"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Registry" ADD CONSTRAINT "Registry_edgeServerId_fkey" FOREIGN KEY ("edgeServerId") REFERENCES "EdgeServer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Network-aware runs: the objective's weights (with the preset they came from) and whether the
-- run re-plans the applied placement, for the lists, which do not read the stored problem.
ALTER TABLE "PlacementRun" ADD COLUMN "weights" JSONB;
ALTER TABLE "PlacementRun" ADD COLUMN "replan" BOOLEAN NOT NULL DEFAULT false;
