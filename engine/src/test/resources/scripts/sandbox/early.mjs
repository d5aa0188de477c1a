export const loadedInInit = "loaded-in-init";
