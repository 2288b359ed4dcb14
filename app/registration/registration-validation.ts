// The registration form's validation as you type: the one zod schema the action also uses, and
// conform's zod adapter. The form imports this on first focus, so a reader who only reads the
// event page never downloads zod (~17 KB compressed).
export { getZodConstraint, parseWithZod } from "@conform-to/zod";
export { createRegistrationSchema } from "~/registration/registration-schema.ts";
