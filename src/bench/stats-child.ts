// The overview an analyst asks while others load the server, from a process of its own (asked
// from the server's process it would wait for that process's own work): `{ stats }` one after
// another for `seconds`. Prints each answer's milliseconds as JSON.
const [url, seconds] = [process.argv[2], Number(process.argv[3])];
const body = JSON.stringify({ query: '{ stats { labels { key count } } }' });
const ms: number[] = [];
for (const end = performance.now() + seconds * 1000; performance.now() < end;) {
  const t = performance.now();
  await (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'cache-control': 'no-cache' }, body })).json();
  ms.push(performance.now() - t);
}
process.stdout.write(JSON.stringify(ms));
