// The Content Security Policy, built per request with a fresh nonce: Next puts the nonce on its
// own scripts when it finds it in the request's CSP header, and nothing else may run. Styles allow
// inline attributes (React's style props); no framing, no plugins, forms post only to this app.
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export function pageContentSecurityPolicy(nonce: string, { dev = false, https = false } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** JSON and file downloads render nothing: they may load nothing either. */
export const API_CONTENT_SECURITY_POLICY =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * Files downloaded from a page address (the results export: CSV, XLSX and the chart's SVG). An SVG
 * opened on its own is a document that could run script: nothing may run or load, inline styles
 * aside (SVG presentation).
 */
export const DOWNLOAD_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'";
