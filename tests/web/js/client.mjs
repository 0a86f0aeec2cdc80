// A JavaScript client of the endpoint, run with Node 18+ (plain fetch, as a web page would):
//   node client.mjs ENDPOINT QUERY   -> prints the SELECT rows as JSON [{var: value}], or the ASK boolean
const [endpoint, query] = process.argv.slice(2);
const response = await fetch(endpoint, {
  method: "POST",
  headers: { "Content-Type": "application/sparql-query", Accept: "application/sparql-results+json" },
  body: query,
});
if (!response.ok) {
  console.error(`HTTP ${response.status}: ${await response.text()}`);
  process.exit(1);
}
const result = await response.json();
if ("boolean" in result) {
  console.log(JSON.stringify(result.boolean));
} else {
  const rows = result.results.bindings.map((b) =>
    Object.fromEntries(Object.entries(b).map(([name, term]) => [name, term.value])));
  console.log(JSON.stringify(rows));
}
