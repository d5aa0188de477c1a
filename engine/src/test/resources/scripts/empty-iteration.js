// An iteration that does nothing: for tests of the engine around it.
export default function () {}
