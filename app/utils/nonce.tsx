import { createContext, useContext } from "react";

// The per-response CSP nonce, handed from the HTTP server through entry.server.
const NonceContext = createContext<string | undefined>(undefined);
export const NonceProvider = NonceContext.Provider;
export function useNonce() {
  return useContext(NonceContext);
}
