/** The package ships no types: its default export is the list of free-mail and ISP domains. */
declare module "email-providers" {
  const domains: readonly string[];
  export default domains;
}
