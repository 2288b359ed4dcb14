// Organiser roles, shared by the server and the /admin/users page in the browser (a *.server
// module is an empty stub there).
export const ROLES = ["admin", "organiser"] as const;
export type Role = (typeof ROLES)[number];
