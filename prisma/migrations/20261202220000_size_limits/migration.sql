-- Ceilings on every size people enter, the same numbers as lib/model/limits.ts: far above any
-- real edge deployment and below what the columns, Overview's sums and a placement problem in
-- memory can hold. The schemas refuse such values with a sentence first; these are the last
-- line. Rows beyond them (written before the limits existed) are clamped so the constraints apply.
UPDATE "Service" SET "replicas" = 10000 WHERE "replicas" > 10000;
UPDATE "Service" SET "cpuCores" = 100000 WHERE "cpuCores" > 100000;
UPDATE "Service" SET "memoryMiB" = 1073741824 WHERE "memoryMiB" > 1073741824;
UPDATE "Service" SET "bandwidthMbps" = 2000000000 WHERE "bandwidthMbps" > 2000000000;
UPDATE "EdgeServer" SET "cpuCores" = 100000 WHERE "cpuCores" > 100000;
UPDATE "EdgeServer" SET "memoryMiB" = 1073741824 WHERE "memoryMiB" > 1073741824;
UPDATE "EdgeServer" SET "storageBytes" = 9007199254740991 WHERE "storageBytes" > 9007199254740991;
UPDATE "EdgeServer" SET "bandwidthMbps" = 2000000000 WHERE "bandwidthMbps" > 2000000000;
UPDATE "Vnf" SET "cpuCores" = 100000 WHERE "cpuCores" > 100000;
UPDATE "Vnf" SET "memoryMiB" = 1073741824 WHERE "memoryMiB" > 1073741824;
UPDATE "Controller" SET "cpuCores" = 100000 WHERE "cpuCores" > 100000;
UPDATE "Controller" SET "memoryMiB" = 1073741824 WHERE "memoryMiB" > 1073741824;
UPDATE "Link" SET "bandwidthMbps" = 2000000000 WHERE "bandwidthMbps" > 2000000000;
UPDATE "Link" SET "latencyMs" = 86400000 WHERE "latencyMs" > 86400000;
UPDATE "ServiceDependency" SET "trafficMbps" = 2000000000 WHERE "trafficMbps" > 2000000000;
UPDATE "Layer" SET "sizeBytes" = 9007199254740991 WHERE "sizeBytes" > 9007199254740991;
UPDATE "Image" SET "declaredSizeBytes" = 9007199254740991 WHERE "declaredSizeBytes" > 9007199254740991;

ALTER TABLE "Service" ADD CONSTRAINT "Service_size_limits" CHECK ("replicas" <= 10000 AND "cpuCores" <= 100000 AND "memoryMiB" <= 1073741824 AND "bandwidthMbps" <= 2000000000);
ALTER TABLE "EdgeServer" ADD CONSTRAINT "EdgeServer_size_limits" CHECK ("cpuCores" <= 100000 AND "memoryMiB" <= 1073741824 AND "storageBytes" <= 9007199254740991 AND "bandwidthMbps" <= 2000000000);
ALTER TABLE "Vnf" ADD CONSTRAINT "Vnf_size_limits" CHECK ("cpuCores" >= 0 AND "cpuCores" <= 100000 AND "memoryMiB" >= 0 AND "memoryMiB" <= 1073741824);
ALTER TABLE "Controller" ADD CONSTRAINT "Controller_size_limits" CHECK ("cpuCores" <= 100000 AND "memoryMiB" <= 1073741824);
ALTER TABLE "Link" ADD CONSTRAINT "Link_size_limits" CHECK ("bandwidthMbps" <= 2000000000 AND "latencyMs" <= 86400000);
ALTER TABLE "ServiceDependency" ADD CONSTRAINT "ServiceDependency_size_limits" CHECK ("trafficMbps" >= 0 AND "trafficMbps" <= 2000000000);
ALTER TABLE "Layer" ADD CONSTRAINT "Layer_size_limits" CHECK ("sizeBytes" <= 9007199254740991);
ALTER TABLE "Image" ADD CONSTRAINT "Image_size_limits" CHECK ("declaredSizeBytes" IS NULL OR "declaredSizeBytes" <= 9007199254740991);
