// What an agent would write: read the orders CSV through the `files` capability and summarise it.
const csv = await files.read({ path: "orders.csv" });
const [header, ...lines] = csv.trim().split("\n");
const columns = header.split(",");
const orders = lines.map((line) => Object.fromEntries(line.split(",").map((v, i) => [columns[i], v])));

const byRegion = {};
for (const o of orders) {
  const revenue = Number(o.units) * Number(o.unit_price_eur);
  byRegion[o.region] = (byRegion[o.region] ?? 0) + revenue;
}
const ranking = Object.entries(byRegion)
  .map(([region, revenue]) => ({ region, revenue: Math.round(revenue * 100) / 100 }))
  .sort((a, b) => b.revenue - a.revenue);

console.log(`read ${orders.length} orders`);
return { orders: orders.length, topRegion: ranking[0].region, revenueByRegion: ranking };
