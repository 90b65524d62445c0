// Better Auth, configured for this app: email and password only, sessions in the database, no
// self sign-up (administrators create accounts), sign-in limited per address and per account in
// the shared rate_limit table. Better Auth reads and writes its own tables (user, session,
// account, verification, rate_limit) through the app's one Prisma client, hence the -data name.
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { getDb } from "../db/client";
import { recordAudit } from "../audit/mutations";
import { trustedOrigins } from "./csrf";
import { readAuthSecret } from "./secret";
import { changePasswordSchema, PASSWORD_MAX, PASSWORD_MIN, signInSchema } from "./schema";
import { ACCOUNT_WINDOW_SECONDS, checkAccountLock, clearFailedSignIns, recordFailedSignIn } from "./rate-limit-mutations";

export const SESSION_DAYS = 7;
export const SIGN_IN_PER_ADDRESS_PER_MINUTE = 30;

async function createAuth(secureCookies: boolean) {
  const db = await getDb();
  return betterAuth({
    appName: "Question Bank",
    basePath: "/api/auth",
    // Unset: the address comes from each request, and trustedOrigins below pins the origin check to it.
    baseURL: process.env.BETTER_AUTH_URL || undefined,
    secret: readAuthSecret(),
    database: prismaAdapter(db, { provider: "postgresql" }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: PASSWORD_MIN,
      maxPasswordLength: PASSWORD_MAX,
    },
    session: { expiresIn: SESSION_DAYS * 24 * 3600, updateAge: 24 * 3600 },
    rateLimit: {
      enabled: process.env.AUTH_RATE_LIMIT !== "off",
      storage: "database",
      window: 60,
      max: 100,
      customRules: {
        // Per client address: generous enough for an office behind one NAT; the per-account limit
        // (rate-limit-mutations.ts) is what stops guessing one person's password.
        "/sign-in/email": { window: 60, max: SIGN_IN_PER_ADDRESS_PER_MINUTE },
        // Keeps Better Auth's pruning of the table from dropping the per-account rows early.
        "/change-password": { window: ACCOUNT_WINDOW_SECONDS, max: 10 },
      },
    },
    trustedOrigins: async (request) => (request ? trustedOrigins(request) : []),
    advanced: {
      useSecureCookies: secureCookies,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", secure: secureCookies },
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
            if (!user || user.disabled) throw new APIError("FORBIDDEN", { code: "ACCOUNT_DISABLED", message: "This account is disabled." });
          },
        },
      },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path === "/sign-in/email") {
          const parsed = signInSchema.safeParse(ctx.body);
          if (!parsed.success) throw new APIError("BAD_REQUEST", { code: "INVALID_INPUT", message: "Invalid email or password format." });
          const { locked, retryAfter } = await checkAccountLock(parsed.data.email);
          if (locked) throw new APIError("TOO_MANY_REQUESTS", { code: "TOO_MANY_REQUESTS", message: "Too many attempts." }, { "X-Retry-After": String(retryAfter) });
          return { context: { body: { ...ctx.body, email: parsed.data.email } } };
        }
        if (ctx.path === "/change-password") {
          if (!changePasswordSchema.safeParse(ctx.body).success) throw new APIError("BAD_REQUEST", { code: "INVALID_INPUT", message: "Invalid password format." });
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path === "/sign-in/email") {
          const email = (ctx.body as { email?: unknown } | undefined)?.email;
          const returned = ctx.context.returned;
          // Wrong email or password is a 401; a refusal for other reasons (disabled, bad input) is not a guess.
          const status = returned instanceof Error ? (returned as { status?: unknown; statusCode?: unknown }) : null;
          const failed = !!status && (status.statusCode === 401 || status.status === "UNAUTHORIZED");
          if (typeof email === "string") {
            if (failed) await recordFailedSignIn(email);
            else if (!(returned instanceof Error)) await clearFailedSignIns(email);
          }
        }
        // Better Auth writes the new password itself; the audit row follows it (never the hash).
        if (ctx.path === "/change-password" && !(ctx.context.returned instanceof Error)) {
          const userId = ctx.context.session?.user.id;
          if (userId) await recordAudit(db, { actorId: userId, action: "user.password_change", entityType: "user", entityId: userId, before: null, after: null });
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
  const configured = process.env.BETTER_AUTH_URL;
  if (configured) return configured.startsWith("https://");
  return headers.get("x-forwarded-proto")?.split(",")[0].trim() === "https";
}
