// Throws while being evaluated, so tests can check where the error points (the URL and line).
export const before = 1;
throw new Error('broken remote module');
