-- Users, roles and audit (issue 10). The first four tables are Better Auth's (email and
-- password, plus the admin plugin's role, ban and impersonation columns); its CLI cannot
-- generate them for a custom Prisma client output, so they are written here like the others.

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "emailVerified" BOOLEAN NOT NULL DEFAULT false,
    "image" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "role" TEXT,
    "banned" BOOLEAN DEFAULT false,
    "banReason" TEXT,
    "banExpires" TIMESTAMP(3),

    CONSTRAINT "User_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "User_role_check" CHECK ("role" IS NULL OR "role" IN ('viewer', 'planner', 'operator', 'admin'))
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "token" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ipAddress" TEXT,
    "userAgent" TEXT,
    "userId" TEXT NOT NULL,
    "impersonatedBy" TEXT,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Session_token_key" ON "Session"("token");
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "Account" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "accessToken" TEXT,
    "refreshToken" TEXT,
    "idToken" TEXT,
    "accessTokenExpiresAt" TIMESTAMP(3),
    "refreshTokenExpiresAt" TIMESTAMP(3),
    "scope" TEXT,
    "password" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Account_userId_idx" ON "Account"("userId");

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "Verification" (
    "id" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Verification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Verification_identifier_idx" ON "Verification"("identifier");

-- CreateTable
CREATE TABLE "ServerSecret" (
    "name" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ServerSecret_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE SEQUENCE "AuditEntry_id_seq";
CREATE TABLE "AuditEntry" (
    "id" BIGINT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actor" TEXT NOT NULL,
    "scenarioId" TEXT,
    "entity" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "AuditEntry_action_check" CHECK ("action" IN ('insert', 'update', 'delete'))
);

-- CreateIndex
CREATE INDEX "AuditEntry_scenarioId_at_idx" ON "AuditEntry"("scenarioId", "at");
CREATE INDEX "AuditEntry_at_idx" ON "AuditEntry"("at");
CREATE INDEX "AuditEntry_actor_at_idx" ON "AuditEntry"("actor", "at");
CREATE INDEX "AuditEntry_entity_at_idx" ON "AuditEntry"("entity", "at");

-- The audit trigger. Arguments:
--   0: where the scenario id comes from: 'self' (the Scenario table), 'column' (the row's
--      "scenarioId"), 'none', or '<ParentTable>.<foreign key column>' for join tables;
--   1: 'skip-system-updates' to leave out updates made without an actor (the work queue's
--      heartbeats and progress on runs), else '-';
--   2…: columns left out of before/after (large derived JSON; what changed is still visible).
-- The actor is the transaction-local setting edgestack.actor (and edgestack.actor_id), set by
-- the application in the same transaction; without one the write is the system's.
CREATE FUNCTION "edgestack_audit"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    actor_name TEXT := coalesce(nullif(current_setting('edgestack.actor', true), ''), 'system');
    actor_id TEXT := nullif(current_setting('edgestack.actor_id', true), '');
    old_row JSONB;
    new_row JSONB;
    row_json JSONB;
    scenario TEXT;
    source TEXT := TG_ARGV[0];
    parent_table TEXT;
    parent_column TEXT;
    key TEXT;
    i INTEGER;
BEGIN
    IF TG_OP <> 'INSERT' THEN old_row := to_jsonb(OLD); END IF;
    IF TG_OP <> 'DELETE' THEN new_row := to_jsonb(NEW); END IF;
    IF TG_OP = 'UPDATE' AND TG_ARGV[1] = 'skip-system-updates' AND actor_name = 'system' THEN
        RETURN NULL;
    END IF;
    IF TG_NARGS > 2 THEN
        FOR i IN 2 .. TG_NARGS - 1 LOOP
            old_row := old_row - TG_ARGV[i];
            new_row := new_row - TG_ARGV[i];
        END LOOP;
    END IF;
    IF TG_OP = 'UPDATE' AND old_row = new_row THEN RETURN NULL; END IF;
    row_json := coalesce(new_row, old_row);
    IF source = 'self' THEN
        scenario := row_json->>'id';
    ELSIF source = 'column' THEN
        scenario := row_json->>'scenarioId';
    ELSIF source <> 'none' THEN
        parent_table := split_part(source, '.', 1);
        parent_column := split_part(source, '.', 2);
        -- The parent may be gone already when a cascade deletes this row: then no scenario.
        EXECUTE format('SELECT "scenarioId" FROM %I WHERE "id" = $1', parent_table) INTO scenario USING row_json->>parent_column;
    END IF;
    key := row_json->>'id';
    IF key IS NULL THEN
        SELECT string_agg(e.value, ':' ORDER BY e.key) INTO key FROM jsonb_each_text(row_json) e WHERE e.key LIKE '%Id' OR e.key IN ('position', 'replica');
    END IF;
    INSERT INTO "AuditEntry" ("id", "at", "actorId", "actor", "scenarioId", "entity", "entityId", "action", "before", "after")
    VALUES (nextval('"AuditEntry_id_seq"'), now() AT TIME ZONE 'UTC', actor_id, actor_name, scenario, TG_TABLE_NAME, coalesce(key, ''), lower(TG_OP), old_row, new_row);
    RETURN NULL;
END;
$$;

CREATE TRIGGER "Scenario_audit" AFTER INSERT OR UPDATE OR DELETE ON "Scenario" FOR EACH ROW EXECUTE FUNCTION "edgestack_audit"('self', '-');
CREATE TRIGGER "Site_audit" AFTER INSERT OR UPDATE OR DELETE ON "Site" FOR EACH ROW EXECUTE FUNCTION "edgestack_audit"('column', '-');
CREATE TRIGGER "EdgeServer_audit" AFTER INSERT OR UPDATE OR DELETE ON "EdgeServer" FOR EACH ROW EXECUTE FUNCTION "edgestack_audit"('column', '-');
CREATE TRIGGER "NetworkNode_audit" AFTER INSERT OR UPDATE OR DELETE ON "NetworkNode" FOR EACH ROW EXECUTE FUNCTION "edgestack_audit"('column', '-');
CREATE TRIGGER "Link_audit" AFTER INSERT OR UPDATE OR DELETE ON "Link" FOR EACH ROW EXECUTE FUNCTION "edgestack_audit"('column', '-');
CREATE TRIGGER "Vnf_audit" AFTER INSERT OR UPDATE OR DELETE ON "Vnf" FOR EACH ROW EXECUTE FUNCTION "edgestack_audit"('column', '-');
CREATE TRIGGER "Registry_audit" AFTER INSERT OR UPDATE OR DELETE ON "Registry" FOR EACH ROW EXECUTE FUNCTION "edgestack_audit"('column', '-');
CREATE TRIGGER "Image_audit" AFTER INSERT OR UPDATE OR DELETE ON "Image" FOR EACH ROW EXECUTE FUNCTION "edgestack_audit"('column', '-');
CREATE TRIGGER "Layer_audit" AFTER INSERT OR UPDATE OR DELETE ON "Layer" FOR EACH ROW EXECUTE FUNCTION "edgestack_audit"('column', '-');
CREATE TRIGGER "Service_audit" AFTER INSERT OR UPDATE OR DELETE ON "Service" FOR EACH ROW EXECUTE FUNCTION "edgestack_audit"('column', '-');
CREATE TRIGGER "Controller_audit" AFTER INSERT OR UPDATE OR DELETE ON "Controller" FOR EACH ROW EXECUTE FUNCTION "edgestack_audit"('column', '-');
CREATE TRIGGER "Policy_audit" AFTER INSERT OR UPDATE OR DELETE ON "Policy" FOR EACH ROW EXECUTE FUNCTION "edgestack_audit"('column', '-');
CREATE TRIGGER "ImageLayer_audit" AFTER INSERT OR UPDATE OR DELETE ON "ImageLayer" FOR EACH ROW EXECUTE FUNCTION "edgestack_audit"('Image.imageId', '-');
CREATE TRIGGER "EdgeServerCachedLayer_audit" AFTER INSERT OR UPDATE OR DELETE ON "EdgeServerCachedLayer" FOR EACH ROW EXECUTE FUNCTION "edgestack_audit"('EdgeServer.edgeServerId', '-');
CREATE TRIGGER "ServiceDependency_audit" AFTER INSERT OR UPDATE OR DELETE ON "ServiceDependency" FOR EACH ROW EXECUTE FUNCTION "edgestack_audit"('Service.fromServiceId', '-');
CREATE TRIGGER "ServiceDependencyVnf_audit" AFTER INSERT OR UPDATE OR DELETE ON "ServiceDependencyVnf" FOR EACH ROW EXECUTE FUNCTION "edgestack_audit"('Vnf.vnfId', '-');
CREATE TRIGGER "ControllerManagedEdgeServer_audit" AFTER INSERT OR UPDATE OR DELETE ON "ControllerManagedEdgeServer" FOR EACH ROW EXECUTE FUNCTION "edgestack_audit"('Controller.controllerId', '-');
CREATE TRIGGER "ControllerManagedNetworkNode_audit" AFTER INSERT OR UPDATE OR DELETE ON "ControllerManagedNetworkNode" FOR EACH ROW EXECUTE FUNCTION "edgestack_audit"('Controller.controllerId', '-');
CREATE TRIGGER "ControllerManagedService_audit" AFTER INSERT OR UPDATE OR DELETE ON "ControllerManagedService" FOR EACH ROW EXECUTE FUNCTION "edgestack_audit"('Controller.controllerId', '-');
CREATE TRIGGER "ControllerManagedVnf_audit" AFTER INSERT OR UPDATE OR DELETE ON "ControllerManagedVnf" FOR EACH ROW EXECUTE FUNCTION "edgestack_audit"('Controller.controllerId', '-');
CREATE TRIGGER "PolicyService_audit" AFTER INSERT OR UPDATE OR DELETE ON "PolicyService" FOR EACH ROW EXECUTE FUNCTION "edgestack_audit"('Policy.policyId', '-');
CREATE TRIGGER "PolicyEdgeServer_audit" AFTER INSERT OR UPDATE OR DELETE ON "PolicyEdgeServer" FOR EACH ROW EXECUTE FUNCTION "edgestack_audit"('Policy.policyId', '-');
-- Runs: the queue's own updates (claim, heartbeat, progress, result) are not audited; starting,
-- cancelling and deleting are. The problem, result and points are large and derived.
CREATE TRIGGER "PlacementRun_audit" AFTER INSERT OR UPDATE OR DELETE ON "PlacementRun" FOR EACH ROW EXECUTE FUNCTION "edgestack_audit"('column', 'skip-system-updates', 'problem', 'result', 'progress', 'heartbeatAt');
CREATE TRIGGER "ExperimentRun_audit" AFTER INSERT OR UPDATE OR DELETE ON "ExperimentRun" FOR EACH ROW EXECUTE FUNCTION "edgestack_audit"('column', 'skip-system-updates', 'points', 'heartbeatAt');
-- Control plans: a recompute is audited; the artifact's content is summarised by its digest.
CREATE TRIGGER "ControlArtifact_audit" AFTER INSERT OR UPDATE OR DELETE ON "ControlArtifact" FOR EACH ROW EXECUTE FUNCTION "edgestack_audit"('column', '-', 'content');
-- Users: role changes, bans, creation and removal. Sessions, accounts (password hashes) and
-- verifications are Better Auth's bookkeeping and are not audited.
CREATE TRIGGER "User_audit" AFTER INSERT OR UPDATE OR DELETE ON "User" FOR EACH ROW EXECUTE FUNCTION "edgestack_audit"('none', '-');
