-- The class ids of an annotation's regions, kept by Postgres on every write of regions: the taxonomy
-- dry run and migration match operations against them without parsing region JSON.
ALTER TABLE "Annotation" ADD COLUMN "classIds" JSONB GENERATED ALWAYS AS (jsonb_path_query_array(regions, '$[*].classId')) STORED;

-- The task of the annotation's assignment (an assignment never changes task), filled on insert by the
-- trigger below whichever code path inserts: counts of tasks need no join through Assignment.
ALTER TABLE "Annotation" ADD COLUMN "taskId" TEXT;
UPDATE "Annotation" n SET "taskId" = a."taskId" FROM "Assignment" a WHERE a.id = n."assignmentId";
ALTER TABLE "Annotation" ALTER COLUMN "taskId" SET NOT NULL;

-- The body is an E-string with its semicolons written as \073: Prisma's migration runner splits
-- statements at every semicolon, also inside a function body.
CREATE FUNCTION "annotation_task_id"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN
  SELECT "taskId" INTO NEW."taskId" FROM "Assignment" WHERE id = NEW."assignmentId"\073
  RETURN NEW\073
END';

CREATE TRIGGER "Annotation_taskId" BEFORE INSERT OR UPDATE OF "assignmentId" ON "Annotation"
  FOR EACH ROW EXECUTE FUNCTION "annotation_task_id"();

