// Inputs of the sign-in and account forms, with the limits the server enforces.
import { z } from "zod";

export const EMAIL_MAX = 254;
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

export const emailSchema = z.string().trim().toLowerCase().min(3).max(EMAIL_MAX).pipe(z.email());
export const passwordSchema = z.string().min(PASSWORD_MIN).max(PASSWORD_MAX);

export const signInSchema = z.strictObject({
  email: emailSchema,
  // Any length up to the maximum: a too-short password is simply wrong, not a hint for an attacker.
  password: z.string().min(1).max(PASSWORD_MAX),
  rememberMe: z.boolean().optional(),
  // No callbackURL: Better Auth would echo it as a Location header unchecked by our return-address
  // rule (lib/auth/next-path.ts). The form navigates itself, so a request carrying one is refused.
});

export const changePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1).max(PASSWORD_MAX),
  newPassword: passwordSchema,
  revokeOtherSessions: z.boolean().optional(),
});
