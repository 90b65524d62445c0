-- Drafts that a curator rejected or merged were stored as "retired" and so were public. They were
-- never published: they become "rejected" / "merged" (the search rows and facet counts follow
-- through the triggers of add_search, which fire on a change of status).
UPDATE "question" SET "status" = 'merged'
  WHERE "status" = 'retired' AND "publishedAt" IS NULL AND "mergedIntoId" IS NOT NULL;
UPDATE "question" SET "status" = 'rejected', "rejectedAt" = coalesce("rejectedAt", "retiredAt", "updatedAt")
  WHERE "status" = 'retired' AND "publishedAt" IS NULL;

-- "retired" means "published once, then withdrawn": the public readers (search, API, pages, CSV)
-- show retired questions, so the database refuses a retired question that was never published.
ALTER TABLE "question" ADD CONSTRAINT "question_retired_was_published"
  CHECK ("status" <> 'retired' OR "publishedAt" IS NOT NULL);
