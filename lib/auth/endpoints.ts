// The Better Auth endpoints this app uses over HTTP, and only those: Better Auth mounts dozens more
// under /api/auth (update-user, delete-user, change-email, list-sessions, revoke-session,
// request-password-reset, get-session, …), each one more way in that nothing here validates or
// audits (POST /update-user let anyone signed in rename themselves "Demo Admin" with a 5,000,000-
// character name). Every other method and path answers 404, as if it did not exist.
//   POST /sign-in/email     components/auth/SignInForm.tsx
//   POST /sign-out          components/auth/SignOutButton.tsx
//   POST /change-password   components/auth/ChangePasswordForm.tsx (audited in auth-data.ts)
// Sessions are read on the server through auth.api.getSession (lib/auth/session.ts), not over HTTP.
export const AUTH_BASE_PATH = "/api/auth";

const ALLOWED = new Set(["POST /sign-in/email", "POST /sign-out", "POST /change-password"]);

/** Whether this request is for one of the endpoints above (exact path: no trailing slash, no case games). */
export function isAllowedAuthEndpoint(method: string, url: string): boolean {
  let pathname: string;
  try {
    pathname = new URL(url).pathname;
  } catch {
    return false;
  }
  if (!pathname.startsWith(`${AUTH_BASE_PATH}/`)) return false;
  return ALLOWED.has(`${method.toUpperCase()} ${pathname.slice(AUTH_BASE_PATH.length)}`);
}
