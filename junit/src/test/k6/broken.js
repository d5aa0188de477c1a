// Fails in the init code, on line 3.
const settings = null;
const retries = settings.retries;

export default function () {}
