// The SQL statements one search request runs, in order, with their parameters: the benchmark
// replays them directly on the database to show what the app adds over the database's own time.
import { databaseExec } from "./data";
import type { SqlQuery } from "./query";
import { runSearch } from "./run-search";
import type { SearchParams } from "./schema";
import type { SearchOptions } from "./types";

export async function searchStatements(params: SearchParams, options: SearchOptions = {}): Promise<SqlQuery[]> {
  const exec = await databaseExec();
  const statements: SqlQuery[] = [];
  await runSearch(
    <T>(query: SqlQuery) => {
      statements.push(query);
      return exec<T>(query);
    },
    params,
    options,
  );
  return statements;
}
