export const options = { iterations: 2 };

export default async function () {
  Promise.reject(new Error('nobody handles me'));
  await new Promise((resolve) => setTimeout(resolve, 5));
}
