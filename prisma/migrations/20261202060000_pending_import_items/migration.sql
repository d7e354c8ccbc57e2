-- URL import items still waiting for their fetch, oldest first: the re-queue sweep of the workers
-- (server/imports/requeue-pending-items.ts) reads them every few minutes. Settled items, almost all
-- of the table, stay out of the index. Prisma's schema cannot express a partial index.
-- (No semicolons in these comments: the migration runner splits the script on them.)
CREATE INDEX "ImportItem_pending_createdAt_idx" ON "ImportItem" ("createdAt") WHERE status = 'PENDING';
