// Runs against a k6j that has k6/x/greeting: a bundle (bundler build --with com.example:k6j-greeting:1.0.0)
// or any k6j with target/k6j-greeting-1.0.0.jar in its plugins folder.
import { check } from 'k6';
import { greet, greetLater } from 'k6/x/greeting';

export const options = {
    vus: 2,
    iterations: 6,
    thresholds: { greetings: ['count==12'] },
};

export default async function () {
    const now = greet(`VU ${__VU}`);
    const later = await greetLater(`VU ${__VU}`, 20);
    check(later, { 'greeted later': (g) => g.startsWith('Hello later') });
    console.log(now, '/', later);
}
