export const secret = "TOP-SECRET-MODULE";
