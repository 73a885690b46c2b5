/**
 * opencc-js publishes each OpenCC dictionary as its own module (the package's "./*" export) but
 * declares types only for its converters: a dictionary module's default export is its entries as
 * "source target|source target|...".
 */
declare module 'opencc-js/dict/TSCharacters' {
  const entries: string;
  export default entries;
}
