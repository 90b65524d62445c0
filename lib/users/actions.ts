"use server";
// Thin server actions for the admin page: cross-site action posts are refused by proxy.ts (and by
// Next itself) before they get here; the commands check who is asking.
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { createUserCommand, updateUserCommand, type ActionState } from "./commands";

export async function createUserAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const state = await createUserCommand(await headers(), form);
  if (state.ok) revalidatePath("/[locale]/admin", "layout");
  return state;
}

export async function updateUserAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const state = await updateUserCommand(await headers(), form);
  if (state.ok) revalidatePath("/[locale]/admin", "layout");
  return state;
}
