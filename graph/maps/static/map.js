/* Kennisgraaf map: draws one map from the JSON beside this script. No globals: everything lives in this
   function; the map's objects hang on its root element (root.kgmap) for tests and embedding pages.
   Every data value reaches the page through textContent or vis-network's canvas, never as HTML. */
(function (root) {
  "use strict";
  var raw = root.querySelector('script[type="application/json"][data-kg="data"]');
  var data = JSON.parse(raw.textContent);
  var started = performance.now();
  function part(name) { return root.querySelector('[data-kg="' + name + '"]'); }
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  // Element ids must be unique on the page, even when the same map is pasted twice.
  var base = root.id || "kgmap", k = 1;
  while (document.querySelectorAll("#" + CSS.escape(base)).length > 1 ||
         (document.getElementById(base) && document.getElementById(base) !== root)) {
    base = (root.id || "kgmap") + "-" + (++k);
  }
  root.id = base;
  var search = part("search"), names = part("names"), status = part("status"), info = part("info");
  search.id = base + "-zoek";
  names.id = base + "-namen";
  search.setAttribute("list", names.id);
  part("search-label").setAttribute("for", search.id);

  var nodeById = {};
  var nodeItems = data.nodes.map(function (n) {
    nodeById[n.id] = n;
    var title = n.label + " (" + n.kind + (n.soort ? ", " + n.soort : "") + ")" +
      (n.gemeenten.length ? "\nGemeente: " + n.gemeenten.join(", ") : "") +
      (n.sources.length ? "\nBronnen: " + n.sources.join(", ") : "") +
      (n.inferred ? "\nAlleen afgeleid" : "");
    var item = {id: n.id, label: n.label, title: title, shape: n.shape, size: n.size, kind: n.kind,
      color: {background: n.color, border: n.border || n.color,
              highlight: {background: n.color, border: "#000"}},
      borderWidth: n.border ? 4 : 1, base: n.color, baseBorder: n.border || n.color};
    if (n.inferred) item.shapeProperties = {borderDashes: [4, 3]};
    if (data.positioned) { item.x = n.x; item.y = n.y; }
    return item;
  });
  var edgeById = {}, neighbours = {};
  var edgeItems = data.edges.map(function (e) {
    edgeById[e.id] = e;
    (neighbours[e.from] = neighbours[e.from] || {})[e.to] = true;
    (neighbours[e.to] = neighbours[e.to] || {})[e.from] = true;
    return {id: e.id, from: e.from, to: e.to, dashes: e.dashes, width: e.width, core: e.core !== false,
      title: e.relation + (e.weight > 1 ? " (" + e.weight + "×)" : "") + (e.inferred ? " - afgeleid" : ""),
      color: {color: e.color, highlight: "#000", opacity: 0.75}, base: e.color,
      arrows: data.directed ? {to: {enabled: true, scaleFactor: 0.5}} : undefined};
  });
  var nodes = new vis.DataSet(nodeItems);
  var edges = new vis.DataSet(edgeItems);
  var hiddenKinds = {};
  var nodeView = new vis.DataView(nodes, {filter: function (n) { return !hiddenKinds[n.kind]; }});
  // A map with very many lines draws its backbone first (data.backbone lines, chosen in Python); a node's
  // other lines appear when it is clicked or found, and all lines with the "Alle lijnen" button.
  var allLines = !data.backbone, opened = null;  // the node whose lines are all shown
  var edgeView = new vis.DataView(edges, {filter: function (e) {
    return allLines || e.core || e.from === opened || e.to === opened; }});
  var big = data.nodes.length > data.big_threshold;
  var options = {
    autoResize: true,
    nodes: {font: {size: 14, face: "system-ui, sans-serif", strokeWidth: 3, strokeColor: "#fff"},
            scaling: {label: {enabled: false, drawThreshold: 6}}},
    edges: {smooth: false, selectionWidth: 2, hoverWidth: 0.5},
    interaction: {hover: !big, tooltipDelay: 150, hideEdgesOnDrag: big, hideEdgesOnZoom: big,
                  navigationButtons: false, keyboard: false, multiselect: false},
    layout: {improvedLayout: !data.positioned && data.nodes.length <= 100, randomSeed: 1},
    physics: data.positioned ? {enabled: false} :
      {enabled: true, solver: "forceAtlas2Based",
       forceAtlas2Based: {gravitationalConstant: -90, springLength: 150, avoidOverlap: 0.6},
       stabilization: {enabled: true, iterations: 200, updateInterval: 50}}
  };
  var network = new vis.Network(part("canvas"), {nodes: nodeView, edges: edgeView}, options);
  root.kgmap = {network: network, nodes: nodes, edges: edges, nodeView: nodeView, edgeView: edgeView, data: data};

  // Interactive = laid out (positions given, or the bounded settle done) and drawn once.
  var firstDraw = true, settled = data.positioned || !data.nodes.length, isReady = false;
  function ready() {
    if (isReady || !settled || (firstDraw && data.nodes.length)) return;
    isReady = true;
    root.dataset.readyMs = String(Math.round(performance.now()));
    root.dataset.scriptMs = String(Math.round(started));
    root.dataset.ready = "true";
    root.dispatchEvent(new CustomEvent("kgmap:ready", {bubbles: true}));
  }
  network.on("afterDrawing", function () {
    if (!firstDraw) return;
    firstDraw = false;
    root.dataset.firstDrawMs = String(Math.round(performance.now()));  // since the page started loading
    root.dispatchEvent(new CustomEvent("kgmap:drawn", {bubbles: true}));
    ready();
  });
  function settle() {
    if (settled) return;
    settled = true;
    network.setOptions({physics: {enabled: false}});
    network.fit({animation: false});  // the settled drawing fills the canvas
    ready();
  }
  if (!data.positioned) {
    network.once("stabilizationIterationsDone", settle);
    network.once("stabilized", settle);
  }
  ready();

  // Legend: only what this map uses; the kind entries are also the kind filter.
  var legend = part("legend");
  function swatch(kind) {
    var c = document.createElement("canvas");
    c.width = 18; c.height = 18;
    var g = c.getContext("2d");
    if (kind.line) {
      g.strokeStyle = kind.color; g.lineWidth = 2;
      if (kind.dashed) g.setLineDash([4, 3]);
      g.beginPath(); g.moveTo(1, 9); g.lineTo(17, 9); g.stroke();
      return c;
    }
    g.fillStyle = kind.color; g.strokeStyle = kind.border || kind.color; g.lineWidth = kind.border ? 3 : 1;
    g.beginPath();
    var s = kind.shape;
    if (s === "square") { g.rect(3, 3, 12, 12); }
    else if (s === "diamond") { g.moveTo(9, 1); g.lineTo(17, 9); g.lineTo(9, 17); g.lineTo(1, 9); g.closePath(); }
    else if (s === "triangle") { g.moveTo(9, 2); g.lineTo(17, 16); g.lineTo(1, 16); g.closePath(); }
    else if (s === "triangleDown") { g.moveTo(1, 2); g.lineTo(17, 2); g.lineTo(9, 16); g.closePath(); }
    else if (s === "hexagon") {
      for (var i = 0; i < 6; i++) { var a = Math.PI / 3 * i; g.lineTo(9 + 8 * Math.cos(a), 9 + 8 * Math.sin(a)); }
      g.closePath();
    } else if (s === "star") {
      for (var j = 0; j < 10; j++) { var r = j % 2 ? 3.5 : 8.5, b = Math.PI / 5 * j - Math.PI / 2;
        g.lineTo(9 + r * Math.cos(b), 9 + r * Math.sin(b)); }
      g.closePath();
    } else { g.arc(9, 9, 7, 0, 2 * Math.PI); }
    g.fill(); g.stroke();
    return c;
  }
  legend.appendChild(el("h3", "Legenda"));
  legend.appendChild(el("h4", "Soort (vink uit om te verbergen)"));
  var kindList = el("ul");
  var boxes = {};
  data.legend.kinds.forEach(function (k) {
    var li = el("li"), label = el("label"), box = document.createElement("input");
    box.type = "checkbox"; box.checked = true; box.dataset.kind = k.kind;
    box.addEventListener("change", function () {
      if (box.checked) { delete hiddenKinds[k.kind]; } else { hiddenKinds[k.kind] = true; }
      nodeView.refresh();
      status.textContent = nodeView.length + " van " + nodes.length + " punten getoond";
    });
    boxes[k.kind] = box;
    label.appendChild(box); label.appendChild(swatch(k)); label.appendChild(el("span", k.kind));
    label.appendChild(el("span", "(" + k.count + ")", "kgmap-count"));
    li.appendChild(label); kindList.appendChild(li);
  });
  legend.appendChild(kindList);
  var extra = el("ul");
  if (data.legend.gold) {
    var gl = el("li"); gl.appendChild(swatch({color: "#fff", border: data.legend.gold, shape: "dot"}));
    gl.appendChild(el("span", "gouden rand: Gouden Gemeente")); extra.appendChild(gl);
  }
  if (data.legend.inferred_nodes) {
    extra.appendChild(el("li", "gestippelde rand: alleen afgeleid (niet letterlijk in de bron)"));
  }
  if (data.legend.size) extra.appendChild(el("li", "grootte: " + data.legend.size));
  if (data.legend.isolated) {
    extra.appendChild(el("li", data.legend.isolated === 1
      ? "1 punt zonder lijn: het hoort bij deze kaart, maar heeft hier geen verband"
      : data.legend.isolated + " punten zonder lijn: ze horen bij deze kaart, maar hebben hier geen verband"));
  }
  if (extra.childNodes.length) legend.appendChild(extra);
  if (data.legend.relations.length) {
    legend.appendChild(el("h4", "Lijnen"));
    var relList = el("ul");
    data.legend.relations.forEach(function (r) {
      var li = el("li"); li.appendChild(swatch({line: true, color: r.color}));
      li.appendChild(el("span", r.relation)); li.appendChild(el("span", "(" + r.count + ")", "kgmap-count"));
      relList.appendChild(li);
    });
    if (data.legend.inferred) {
      var li = el("li"); li.appendChild(swatch({line: true, color: "#555", dashed: true}));
      li.appendChild(el("span", data.legend.inferred)); relList.appendChild(li);
    }
    legend.appendChild(relList);
  }

  var linesButton = part("lines"), linesInfo = part("lines-status");
  function linesStatus() {
    if (!data.backbone) return;
    linesInfo.textContent = edgeView.length.toLocaleString("nl-NL") + " van " +
      edges.length.toLocaleString("nl-NL") + " lijnen getoond" +
      (allLines ? "" : opened !== null ? " (de sterkste per punt, en alle lijnen van het gekozen punt)"
                     : " (de sterkste per punt; klik op een punt voor al zijn lijnen)");
  }
  function openNode(id) {
    if (allLines || opened === id) return;
    opened = id; edgeView.refresh(); linesStatus();
  }
  function closeNodes() {
    if (opened === null) return;
    opened = null; edgeView.refresh(); linesStatus();
  }
  if (data.backbone) {
    linesButton.hidden = false;
    linesButton.addEventListener("click", function () {
      allLines = !allLines;
      linesButton.textContent = allLines ? "Sterkste lijnen" : "Alle lijnen";
      linesButton.setAttribute("aria-pressed", String(allLines));
      linesInfo.textContent = allLines ? "Alle lijnen tekenen..." : "";
      // Let the status show before the (long) redraw of every line.
      setTimeout(function () { edgeView.refresh(); linesStatus(); }, 20);
    });
    linesStatus();
  }

  // Details of a node or an edge, with sources and quotes.
  function field(dl, term, value) {
    if (value === "" || value === null || value === undefined || (Array.isArray(value) && !value.length)) return;
    dl.appendChild(el("dt", term));
    dl.appendChild(el("dd", Array.isArray(value) ? value.join(", ") : value));
  }
  function clearInfo() { while (info.firstChild) info.removeChild(info.firstChild); }
  function showNode(id) {
    var n = nodeById[id]; if (!n) return;
    clearInfo();
    info.appendChild(el("h3", n.label));
    var dl = el("dl");
    field(dl, "Soort", n.kind + (n.soort ? " (" + n.soort + ")" : ""));
    var places = n.gemeenten.filter(function (g) { return g !== n.label; });  // not "Gemeente: Delft" for Delft
    field(dl, places.length > 1 ? "Gemeenten" : "Gemeente", places);
    field(dl, "Thema's", n.themes);
    field(dl, "Gouden Gemeente", n.awards.map(String));
    field(dl, "Bronnen", n.sources);
    field(dl, "Verbindingen", String(Object.keys(neighbours[id] || {}).length));
    info.appendChild(dl);
    if (n.inferred) info.appendChild(el("p", "Alleen afgeleid: geen bron noemt dit letterlijk.", "kgmap-inferred"));
  }
  function showEdge(id) {
    var e = edgeById[id]; if (!e) return;
    clearInfo();
    info.appendChild(el("h3", e.relation));
    info.appendChild(el("p", nodeById[e.from].label + (data.directed ? " → " : " – ") + nodeById[e.to].label));
    if (e.weight > 1) info.appendChild(el("p", e.weight + " verbanden"));
    if (e.inferred) info.appendChild(el("p", "Afgeleid: geen bron noemt dit verband letterlijk.", "kgmap-inferred"));
    if (e.evidence.length) {
      info.appendChild(el("h4", "Bronnen en citaten"));
      var ends = [nodeById[e.from].label, nodeById[e.to].label];
      e.evidence.forEach(function (ev) {
        var via = ev.via && ends.indexOf(ev.via) < 0 ? " via " + ev.via : "";  // not "via" one of the two ends
        var head = ev.relation + via + " - bron " + ev.source +
          (ev.status ? " (" + ev.status + ")" : "");
        info.appendChild(el("p", head));
        info.appendChild(el("blockquote", ev.quote));
      });
    }
  }

  // Neighbourhood highlight: on a small map everything else fades; on a big map (where restyling every
  // node would cost a noticeable pause) the neighbours and their lines are selected instead.
  var highlighted = null;
  function highlight(id) {
    openNode(id);
    var near = network.getConnectedNodes(id);
    if (big) {
      network.setSelection({nodes: [id].concat(near), edges: network.getConnectedEdges(id)},
                            {unselectAll: true, highlightEdges: false});
      highlighted = id;
      return;
    }
    var keep = {}; keep[id] = true;
    near.forEach(function (m) { keep[m] = true; });
    nodes.update(nodeItems.map(function (n) {
      var on = keep[n.id];
      return {id: n.id, color: {background: on ? n.base : "#e4e4e4", border: on ? n.baseBorder : "#d0d0d0"},
              font: {color: on ? "#222" : "#bbb"}};
    }));
    highlighted = id;
  }
  function unhighlight() {
    if (highlighted === null) return;
    if (!big) {
      nodes.update(nodeItems.map(function (n) {
        return {id: n.id, color: {background: n.base, border: n.baseBorder}, font: {color: "#222"}};
      }));
    }
    highlighted = null;
  }
  network.on("click", function (p) {
    if (p.nodes.length) { showNode(p.nodes[0]); highlight(p.nodes[0]); }
    else if (p.edges.length) { unhighlight(); showEdge(p.edges[0]); }
    else { unhighlight(); closeNodes(); }
  });

  // Search by name: exact, then starts-with, then contains; accents and case ignored.
  function fold(s) { return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim(); }
  var folded = data.nodes.map(function (n) { return fold(n.label); });
  var seen = {};
  data.nodes.forEach(function (n) {
    if (seen[n.label]) return; seen[n.label] = true;
    var o = document.createElement("option"); o.value = n.label; names.appendChild(o);
  });
  function find(q) {
    q = fold(q); if (!q) return [];
    var exact = [], starts = [], has = [];
    folded.forEach(function (f, i) {
      if (f === q) exact.push(i); else if (f.indexOf(q) === 0) starts.push(i); else if (f.indexOf(q) >= 0) has.push(i);
    });
    return exact.concat(starts, has).map(function (i) { return data.nodes[i].id; });
  }
  function go() {
    var hits = find(search.value);
    if (!hits.length) { status.textContent = "Niets gevonden voor: " + search.value; return; }
    var id = hits[0], n = nodeById[id];
    if (hiddenKinds[n.kind]) { boxes[n.kind].checked = true; delete hiddenKinds[n.kind]; nodeView.refresh(); }
    if (!big) network.selectNodes([id]);
    network.focus(id, {scale: Math.max(network.getScale(), 0.9), animation: false});
    highlight(id); showNode(id);
    status.textContent = hits.length === 1 ? "Gevonden: " + n.label
      : hits.length + " treffers; getoond: " + n.label;
    root.dataset.found = String(id);
  }
  part("search-form").addEventListener("submit", function (ev) { ev.preventDefault(); go(); });
  search.addEventListener("change", go);
  part("reset").addEventListener("click", function () {
    Object.keys(boxes).forEach(function (k) { boxes[k].checked = true; });
    hiddenKinds = {}; nodeView.refresh(); unhighlight(); closeNodes(); network.unselectAll();
    network.fit({animation: false});
    status.textContent = ""; linesStatus(); clearInfo(); info.appendChild(el("p", "Klik op een punt of een lijn."));
  });
})(document.currentScript.closest("[data-kgmap]"));
