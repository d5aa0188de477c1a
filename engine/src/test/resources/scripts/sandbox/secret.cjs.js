module.exports = { secret: "TOP-SECRET-CJS" };
