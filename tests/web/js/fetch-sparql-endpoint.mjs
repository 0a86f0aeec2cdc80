// The endpoint through an npm SPARQL client (fetch-sparql-endpoint), run with Node 18+:
//   node fetch-sparql-endpoint.mjs ENDPOINT QUERY  -> SELECT rows as JSON [{var: value}], or the ASK boolean
import { SparqlEndpointFetcher } from "fetch-sparql-endpoint";

const [endpoint, query] = process.argv.slice(2);
const fetcher = new SparqlEndpointFetcher();
if (/^\s*ASK\b/i.test(query)) {
  console.log(JSON.stringify(await fetcher.fetchAsk(endpoint, query)));
} else {
  const stream = await fetcher.fetchBindings(endpoint, query);
  const rows = [];
  stream.on("data", (bindings) => {
    rows.push(Object.fromEntries(Object.entries(bindings).map(([name, term]) => [name, term.value])));
  });
  await new Promise((resolve, reject) => { stream.on("end", resolve); stream.on("error", reject); });
  console.log(JSON.stringify(rows));
}
