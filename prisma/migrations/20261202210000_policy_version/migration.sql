-- Optimistic concurrency for policies, as for the editor's entities: a save names the version it
-- was based on, the update matches `id AND version` and bumps it, so of two people editing one
-- policy the second is told to reload instead of silently overwriting the first.
ALTER TABLE "Policy" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
