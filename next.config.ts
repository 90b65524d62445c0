import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { API_CONTENT_SECURITY_POLICY } from "./lib/auth/content-security";
import { ACTION_BODY_LIMIT_BYTES } from "./lib/translations/upload-limit";

// precompile: the messages are compiled from ICU syntax at build time, so browsers get no ICU
// parser (about 10 kB compressed on every page, issue 19's JavaScript budget); the translators
// run the same compiled messages on the server. Vitest reads the JSON files as they are.
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./lib/i18n/request.ts",
  experimental: { messages: { path: "./messages", format: "json", locales: "infer", precompile: true } },
});

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  // Browsers honour HSTS only over https, so it is harmless on a laptop's http://127.0.0.1.
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
];

const nextConfig: NextConfig = {
  // PGlite loads its WebAssembly and data files from its own package folder: never bundle it.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg", "exceljs"],
  // Separate build folders let several checkouts or helpers build side by side (default .next).
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  // QB_BROWSER_SOURCE_MAPS=1: a measuring build whose browser chunks have source maps, so that
  // bench/page-javascript.ts can say which packages and files each chunk's bytes come from. Never
  // for a build that serves people (the maps would publish the sources).
  productionBrowserSourceMaps: process.env.QB_BROWSER_SOURCE_MAPS === "1",
  typedRoutes: false,
  // forbidden() answers a page that a person's roles do not open with an HTTP 403 (app/[locale]/forbidden.tsx).
  // globalNotFound: an address no route matches gets app/global-not-found.tsx, rendered on the
  // server in the site's frame and language (every layout here is below [locale]).
  // serverActions.bodySizeLimit: uploads (translation spreadsheets, XLSForms: 5 MB each) go through
  // server actions, whose default 1 MB body limit answered larger files with a 500: twice the
  // largest file, so that one somewhat over it is refused with a message rather than cut off.
  // Submissions files (results, far larger) are no action: they stream to their own route
  // (app/api/v1/questionnaires/[id]/datasets), which counts the bytes itself.
  experimental: {
    authInterrupts: true,
    globalNotFound: true,
    serverActions: { bodySizeLimit: ACTION_BODY_LIMIT_BYTES },
  },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // API routes render nothing: the strictest policy. Pages get a nonce policy from proxy.ts.
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }] },
    ];
  },
};

export default withNextIntl(nextConfig);
