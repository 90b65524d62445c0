-- A bulk writer may defer the search rows of its transaction: the seed writes each question in
-- one transaction of a dozen statements (the question, its indicators, tags, four texts), and every
-- one of them rebuilt the question's search row and its postings (lib/search/ranking.ts). With
-- `SET LOCAL qb.search_deferred = 'on'` the triggers leave that to the writer, which refreshes each
-- question once before committing. A custom setting, not session_replication_role: setting that
-- needs a superuser, and the seed also runs on a PostgreSQL where the app is not one.
ALTER FUNCTION qb_search_refresh(text) RENAME TO qb_search_refresh_now;

CREATE FUNCTION qb_search_refresh(qid text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('qb.search_deferred', true) = 'on' THEN
    RETURN;
  END IF;
  PERFORM qb_search_refresh_now(qid);
END
$$;
