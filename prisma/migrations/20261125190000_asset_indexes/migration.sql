-- Asset list filters at 100,000+ assets (plans checked with EXPLAIN ANALYZE on a seeded table).
-- Import batch filter: seek the batch's assets newest first instead of filtering the project's index.
CREATE INDEX "Asset_importBatchId_createdAt_idx" ON "Asset"("importBatchId", "createdAt");

-- Filename contains (ILIKE '%q%'): a trigram index instead of a sequential scan. Raw SQL only:
-- Prisma's schema cannot express it without a preview feature. pg_trgm is a trusted extension.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "Asset_filename_trgm_idx" ON "Asset" USING gin ("filename" gin_trgm_ops);
