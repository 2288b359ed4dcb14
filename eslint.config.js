import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["build/**", "public/build/**", "app/generated/**", "node_modules/**", "tests/.tmp/**", "data/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
    },
  },
  {
    // Dependencies point one way: routes -> domains -> app/utils. A helper never imports a domain
    // (types are fine: they vanish at build time).
    files: ["app/utils/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["~/*", "!~/utils", "!~/utils/**", "!~/generated", "!~/generated/**", "!~/i18n*", "../*", "!../utils/**"],
              message: "app/utils holds cross-cutting helpers only: move the shared piece down into app/utils, or the helper up into its domain.",
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    // Shared UI and the time domain sit below every other domain: they import none of them.
    files: ["app/components/**/*.{ts,tsx}", "app/time/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["~/*", "!~/utils", "!~/utils/**", "!~/generated", "!~/generated/**", "!~/i18n*", "!~/locales", "!~/locales/**", "!~/components", "!~/components/**", "!~/time", "!~/time/**"],
              message: "Shared components and app/time import no domain: pass the data in as props, or move the piece down.",
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    // A route module is an entry point: only Remix (and other route modules) import it.
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/routes/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["~/routes/*", "**/routes/*"], message: "Nothing outside app/routes imports a route module: move the shared code into its domain." }] },
      ],
    },
  },
  {
    files: ["server/**/*.js", "bench/**/*.js", "scripts/**/*.js", "*.js"],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly", setTimeout: "readonly", clearTimeout: "readonly", Buffer: "readonly" } },
  },
);
