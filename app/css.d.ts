// Remix's classic compiler turns a CSS import into its fingerprinted URL.
declare module "*.css" {
  const href: string;
  export default href;
}
