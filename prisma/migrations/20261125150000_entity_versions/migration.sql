-- Optimistic concurrency for the architecture editor: every entity drawn on the canvas (and
-- every dependency, which carries traffic) has its own version. A save names the version it was
-- based on; the update matches `id AND version`, bumps it, and a stale or deleted row matches
-- nothing, so the save is refused instead of overwriting or resurrecting anything.
ALTER TABLE "Site" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "EdgeServer" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "NetworkNode" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "Link" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "Vnf" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "Service" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "ServiceDependency" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "Controller" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
