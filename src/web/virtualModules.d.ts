/** libphonenumber's full metadata cut to Korea, made at build time by vite.config.ts (cutPhoneMetadata). */
declare module 'virtual:korean-phone-metadata' {
  const metadata: import('libphonenumber-js/core').MetadataJson;
  export default metadata;
}
