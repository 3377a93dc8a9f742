// Vite bundles CSS imported for its side effects; the compiler only needs to know such imports exist.
declare module '*.css';
