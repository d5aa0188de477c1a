import { sleep } from 'k6';

export default function () {
  let x = ;
}
