// NHS.UK design system components as Preact functions, rendered on the server. Features import them
// from here; each kind lives in its own file.
export * from "./fields";
export * from "./forms";
export * from "./links";
export * from "./notices";
export * from "./tables";
export * from "./text";
