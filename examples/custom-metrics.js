// Custom metrics: ./k6j run examples/custom-metrics.js
// The four metric types of k6/metrics. Declare them at the top level of the script (the init
// context), add values in the iteration, and give them thresholds like built-in metrics.
// Tags given to add() go with that one value and can select a sub-metric in a threshold.
import { sleep } from 'k6';
import { Counter, Gauge, Rate, Trend } from 'k6/metrics';

const ordersPlaced = new Counter('orders_placed');       // sums values: count, and count per second
const basketSize = new Gauge('basket_size');             // keeps the last value, plus min and max
const paymentAccepted = new Rate('payment_accepted');    // share of non-zero (true) values
const checkoutTime = new Trend('checkout_time', true);   // statistics; true: values are milliseconds
const basketValue = new Trend('basket_value');           // plain numbers (euros here), no unit

export const options = {
  vus: 2,
  duration: '3s',
  thresholds: {
    orders_placed: ['count>10'],
    basket_size: ['value>0'],
    payment_accepted: ['rate>0.7'],
    checkout_time: ['p(95)<300', 'med<200'],
    // Only the values added with { payment: 'card' }.
    'checkout_time{payment:card}': ['max<300'],
    basket_value: ['avg>10'],
  },
};

export default function () {
  const items = 1 + Math.floor(Math.random() * 5);
  const payment = Math.random() < 0.5 ? 'card' : 'invoice';

  basketSize.add(items);
  basketValue.add(items * 7.5);
  checkoutTime.add(50 + Math.random() * 150, { payment });
  paymentAccepted.add(Math.random() < 0.9); // true counts as 1, false as 0
  ordersPlaced.add(1, { payment });

  sleep(0.1);
}
