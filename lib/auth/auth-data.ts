// Better Auth, configured for this app: email and password only, sessions in the database, no
// self sign-up (administrators create accounts), sign-in limited per address (Better Auth's
// rate_limit table) and slowed down per (account, address) pair (sign_in_attempt), both shared by
// every app instance through the database. Better Auth reads and writes its own tables (user, session,
// account, verification, rate_limit) through the app's one Prisma client, hence the -data name.
import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { getDb } from "../db/client";
import { recordAudit } from "../audit/mutations";
import { trustedOrigins } from "./csrf";
import { readAuthSecret } from "./secret";
import { changePasswordSchema, PASSWORD_MAX, PASSWORD_MIN, signInSchema } from "./schema";
import { claimSignInAttempt, clearSignInAttempts } from "./rate-limit-mutations";
import { clientAddressFromHeaders } from "../net/client-address";
import { readEnv } from "../env";
import { SIGN_IN_PER_ADDRESS_PER_MINUTE } from "./sign-in-delay";

export const SESSION_DAYS = 7;
const CHANGE_PASSWORD_WINDOW_SECONDS = 15 * 60;

async function createAuth(secureCookies: boolean) {
  const db = await getDb();
  return betterAuth({
    appName: "Question Bank",
    basePath: "/api/auth",
    // Unset: the address comes from each request, and trustedOrigins below pins the origin check to it.
    baseURL: readEnv().BETTER_AUTH_URL,
    secret: readAuthSecret(),
    database: prismaAdapter(db, { provider: "postgresql" }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: PASSWORD_MIN,
      maxPasswordLength: PASSWORD_MAX,
    },
    session: { expiresIn: SESSION_DAYS * 24 * 3600, updateAge: 24 * 3600 },
    // What every permission check needs (CurrentUser) comes with the session's own read of the
    // user, rather than from a second query. None of them can be set through Better Auth's
    // endpoints (input: false): administrators change them through the app (lib/users).
    user: {
      additionalFields: {
        roles: { type: "string[]", input: false, returned: true },
        translateLanguages: { type: "string[]", input: false, returned: true },
        reviewLanguages: { type: "string[]", input: false, returned: true },
        disabled: { type: "boolean", input: false, returned: true },
      },
    },
    rateLimit: {
      enabled: readEnv().AUTH_RATE_LIMIT === "on",
      storage: "database",
      window: 60,
      max: 100,
      customRules: {
        // Per client address, every account together: generous enough for an office behind one
        // NAT; the per-pair delays (sign-in-delay.ts) are what slow down guessing one password.
        "/sign-in/email": { window: 60, max: SIGN_IN_PER_ADDRESS_PER_MINUTE },
        // change-password checks the current password: another way to guess it, limited too.
        "/change-password": { window: CHANGE_PASSWORD_WINDOW_SECONDS, max: 10 },
      },
    },
    trustedOrigins: async (request) => (request ? trustedOrigins(request) : []),
    advanced: {
      useSecureCookies: secureCookies,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", secure: secureCookies },
      // scripts/server.ts replaces X-Forwarded-For with the one address it resolved from the socket
      // (and TRUSTED_PROXIES): a single value, which Better Auth believes as it is.
      ipAddress: { ipAddressHeaders: ["x-forwarded-for"] },
    },
    telemetry: { enabled: false },
    // Wrong passwords are answered, not logged; a missing BETTER_AUTH_URL is the normal setup here.
    logger: { level: "error" },
    databaseHooks: {
      session: {
        create: {
          // A disabled account keeps its password but gets no session.
          before: async (session) => {
            const user = await db.user.findUnique({ where: { id: session.userId }, select: { disabled: true } });
            if (!user || user.disabled)
              throw new APIError("FORBIDDEN", { code: "ACCOUNT_DISABLED", message: "This account is disabled." });
          },
        },
      },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path === "/sign-in/email") {
          const parsed = signInSchema.safeParse(ctx.body);
          if (!parsed.success)
            throw new APIError("BAD_REQUEST", { code: "INVALID_INPUT", message: "Invalid email or password format." });
          // Counted before the password is checked, in the same statement that decides: see
          // rate-limit-mutations.ts. A refusal here checks no password at all.
          const claim = await claimSignInAttempt(parsed.data.email, clientAddressFromHeaders(ctx.headers));
          if (!claim.allowed)
            throw new APIError(
              "TOO_MANY_REQUESTS",
              { code: "TOO_MANY_REQUESTS", message: "Too many attempts." },
              { "X-Retry-After": String(claim.retryAfter) },
            );
          return { context: { body: { ...ctx.body, email: parsed.data.email } } };
        }
        if (ctx.path === "/change-password") {
          if (!changePasswordSchema.safeParse(ctx.body).success)
            throw new APIError("BAD_REQUEST", { code: "INVALID_INPUT", message: "Invalid password format." });
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path === "/sign-in/email" && !(ctx.context.returned instanceof Error)) {
          // Signed in: this pair starts again from nothing (an attacker's pairs keep their counts).
          const email = (ctx.body as { email?: unknown } | undefined)?.email;
          if (typeof email === "string") await clearSignInAttempts(email, clientAddressFromHeaders(ctx.headers));
        }
        // Better Auth writes the new password itself; the audit row follows it (never the hash).
        if (ctx.path === "/change-password" && !(ctx.context.returned instanceof Error)) {
          const userId = ctx.context.session?.user.id;
          if (userId)
            await recordAudit(db, {
              actorId: userId,
              action: "user.password_change",
              entityType: "user",
              entityId: userId,
              before: null,
              after: null,
            });
        }
      }),
    },
  });
}

export type Auth = Awaited<ReturnType<typeof createAuth>>;

type Holder = { instances: Map<boolean, Promise<Auth>> };
const holder = ((globalThis as { __questionBankAuth?: Holder }).__questionBankAuth ??= { instances: new Map() });

/**
 * Better Auth for a request served over https (secure cookies) or plain http (a laptop). Which one
 * follows the request's protocol as Next reports it (x-forwarded-proto), or BETTER_AUTH_URL.
 */
export function getAuth(secureCookies: boolean): Promise<Auth> {
  let instance = holder.instances.get(secureCookies);
  if (!instance) {
    instance = createAuth(secureCookies).catch((error) => {
      holder.instances.delete(secureCookies);
      throw error;
    });
    holder.instances.set(secureCookies, instance);
  }
  return instance;
}

export function isSecureRequest(headers: Headers): boolean {
  const configured = readEnv().BETTER_AUTH_URL;
  if (configured) return configured.startsWith("https://");
  return headers.get("x-forwarded-proto")?.split(",")[0].trim() === "https";
}
