-- Rejected and merged drafts get their own states (they were "retired", which public readers show).
-- A new enum value cannot be used in the transaction that adds it, so the rows move in the next
-- migration (20261205083204_private_drafts_never_public).
ALTER TYPE "QuestionStatus" ADD VALUE 'rejected';
ALTER TYPE "QuestionStatus" ADD VALUE 'merged';
