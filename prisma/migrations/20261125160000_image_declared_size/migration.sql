-- Images nobody has layer data for (a service's image that no manifest describes): the planner
-- may declare the image's size instead, so placement never counts such an image as zero bytes.
-- NULL means "unknown"; the layers, when present, always win over a declared size.
ALTER TABLE "Image" ADD COLUMN "declaredSizeBytes" BIGINT;
ALTER TABLE "Image" ADD CONSTRAINT "Image_declaredSizeBytes_check" CHECK ("declaredSizeBytes" IS NULL OR "declaredSizeBytes" >= 0);
