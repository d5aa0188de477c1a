// The smallest test: one iteration that does nothing (for CLI tests).
export default function () {}
