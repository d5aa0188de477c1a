const fine: number = 1;
let broken: string = ;
export default function () {}
