// The JavaScript face of k6/x/greeting: one expression, a function of the VU's Greeter (the host). What it returns is
// the module's default export and, member by member, its named exports. Parsed once per test run.
(function (host) {
  return {
    greet: (name) => host.greet(name),
    greetLater: (name, delayMillis = 0) => host.greetLater(name, delayMillis),
  };
})
