import { z } from "zod";
import { blankToUndefined, idField, optionalIdField } from "~/lib/forms";

export const ROLES = ["national_admin", "agency_admin", "unit_operator", "agency_head", "evaluator", "panelist"] as const;

const email = z.preprocess(blankToUndefined, z.email({ error: "field.email" }).max(200).transform((e) => e.toLowerCase()));
// NIST 800-63B: length matters, composition rules do not.
const newPassword = z.preprocess(
  (v) => (typeof v === "string" && v === "" ? undefined : v),
  z.string({ error: "field.required" }).min(10, { error: "accounts.errors.passwordShort" }).max(200, { error: "field.tooLong" }),
);

export const LoginSchema = z.object({
  email,
  password: z.string({ error: "field.required" }).min(1, { error: "field.required" }).max(200, { error: "field.tooLong" }),
  redirectTo: z.string().optional(),
});

const personName = z.preprocess(blankToUndefined, z.string({ error: "field.required" }).trim().min(2, { error: "field.tooShort" }).max(120, { error: "field.tooLong" }));

export const InviteSchema = z.object({
  email,
  name: personName,
  // The form starts with no role chosen (the most powerful one must never be a default).
  role: z.preprocess(blankToUndefined, z.enum(ROLES, { error: (issue) => (issue.input === undefined ? "accounts.errors.roleRequired" : "field.choice") })),
  agencyId: optionalIdField,
  unitId: optionalIdField,
});

export const SetPasswordSchema = z
  .object({ password: newPassword, confirm: z.string().optional() })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], error: "accounts.errors.passwordMismatch" });

export const ForgotSchema = z.object({ email });

/** A deactivate or reactivate button: the account it is for. */
export const AccountStateSchema = z.object({ userId: idField });

/** An operator's unit: one of its agency's, or blank for none. */
export const UnitPlacementSchema = z.object({ userId: idField, unitId: optionalIdField });

/** One's own name, on the account page. */
export const ProfileSchema = z.object({ name: personName });

/** A new password for one's own account: the present one proves it is its owner asking. */
export const ChangePasswordSchema = z
  .object({
    current: z.string({ error: "field.required" }).min(1, { error: "field.required" }).max(200, { error: "field.tooLong" }),
    password: newPassword,
    confirm: z.string().optional(),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], error: "accounts.errors.passwordMismatch" });

/** A new email for one's own account, proved with the password. */
export const ChangeEmailSchema = z.object({
  newEmail: email,
  current: z.string({ error: "field.required" }).min(1, { error: "field.required" }).max(200, { error: "field.tooLong" }),
});

const presentPassword = z.string({ error: "field.required" }).min(1, { error: "field.required" }).max(200, { error: "field.tooLong" });
// A code from the app ("123 456") or a recovery code ("k7m2q-x9p4d"): its kind is told apart later.
const oneTimeCode = z.string({ error: "field.required" }).trim().min(1, { error: "field.required" }).max(40, { error: "field.tooLong" });

/** The second step of a sign-in. */
export const TwoStepCodeSchema = z.object({ code: oneTimeCode });

/** Turning two-step sign-in on: the present password and a code from the app just set up. */
export const EnableTwoStepSchema = z.object({ current: presentPassword, code: oneTimeCode });

/** Turning it off, or new recovery codes: the present password. */
export const ProvePasswordSchema = z.object({ current: presentPassword });
