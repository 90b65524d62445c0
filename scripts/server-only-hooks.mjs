// Module resolution hooks for scripts/server-only.mjs: "server-only" resolves to its empty build.
let empty;

export function initialize(data) {
  empty = data.empty;
}

export async function resolve(specifier, context, next) {
  if (specifier === "server-only") return { url: empty, shortCircuit: true };
  return next(specifier, context);
}
