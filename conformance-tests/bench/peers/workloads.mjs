// The agent code every system runs in `scripts/bench peers`, as source text, so Paddock's `execute`, plain Node
// and the sandboxes run the very same program. Each is a function body that returns a number.
export const TINY = 'return 1 + 1';
export const FIB = 'function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); } return fib(27);';
export const FIB_RESULT = 196418;
// A JSON round trip of 200k small objects, then filter/map/sort: the shape of "fetch a page of records and
// boil it down", heavy on allocation and built-ins rather than on the interpreter loop.
export const JSON_200K = `const items = Array.from({ length: 200000 }, (_, i) => ({ id: i, name: 'item' + i, price: (i * 7919) % 1000, tags: ['a', 'b'] }));
const back = JSON.parse(JSON.stringify(items));
const picked = back.filter((o) => o.price >= 500).map((o) => ({ id: o.id, total: o.price * 2 }))
  .sort((a, b) => b.total - a.total || a.id - b.id);
return picked.length;`;
export const JSON_200K_RESULT = 100000;
