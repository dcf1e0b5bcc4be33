/* unkg network view: filters, search, side panel, physics that stabilises and then stops.
   Every piece of report text is written with textContent, never as HTML. */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("unkg-data").textContent);
  var byKey = {};
  data.networks.forEach(function (n) { byKey[n.key] = n; });

  var state = {
    mode: data.networks.length ? data.networks[0].key : "",
    select: {},          // facet key -> chosen value ("" = all)
    multi: {},           // facet key -> {value: true/false}
    top: !!document.getElementById("top"),
    positions: {}        // mode -> node id -> {x, y}, kept across filtering
  };
  data.facets.forEach(function (f) {
    if (f.multi) {
      state.multi[f.key] = {};
      f.options.forEach(function (o) { state.multi[f.key][o[0]] = true; });
    } else {
      state.select[f.key] = "";
    }
  });

  var stats = { stableMs: null, lastStableAt: null, stabilisations: 0, drawnNodes: 0, drawnEdges: 0, shownNodes: 0, shownEdges: 0 };
  var nodes = new vis.DataSet();
  var edges = new vis.DataSet();
  var container = document.getElementById("network");
  var loading = document.getElementById("loading");
  var loadingFill = loading.querySelector(".fill");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  var stabilising = false;

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (className) { node.className = className; }
    return node;
  }

  function fmt(n) { return Number(n).toLocaleString("en-US"); }

  // ----- filtering --------------------------------------------------------------------------------

  function passesSelects(facets, isNode) {
    for (var key in state.select) {
      var value = state.select[key];
      if (!value) { continue; }
      var values = facets[key];
      if (values === undefined) { continue; }        // the facet does not apply to this item
      if (values.indexOf(value) < 0) { return false; }
    }
    if (!isNode) {
      for (var mkey in state.multi) {
        var mvalues = facets[mkey];
        if (mvalues === undefined) { continue; }
        var any = false;
        for (var i = 0; i < mvalues.length; i++) { if (state.multi[mkey][mvalues[i]]) { any = true; break; } }
        if (!any) { return false; }
      }
    }
    return true;
  }

  function satelliteCount(net) {
    return net.nodes.filter(function (n) { return n.satellite; }).length;
  }

  function visibleItems(net) {
    var anchors = net.nodes.filter(function (n) { return !n.satellite && passesSelects(n.facets || {}, true); });
    var truncated = false;
    if (state.top && anchors.length > data.topLimit && net.nodes.length - satelliteCount(net) > data.largeThreshold) {
      anchors = anchors.slice().sort(function (a, b) { return a.rank - b.rank; }).slice(0, data.topLimit);
      truncated = true;
    }
    var shown = {};
    anchors.forEach(function (n) { shown[n.id] = true; });
    var satellites = {};
    net.nodes.forEach(function (n) { if (n.satellite) { satellites[n.id] = true; } });
    var keptEdges = net.edges.filter(function (e) {
      var fromOk = shown[e.from] || satellites[e.from];
      var toOk = shown[e.to] || satellites[e.to];
      return fromOk && toOk && !(satellites[e.from] && satellites[e.to]) && passesSelects(e.facets || {}, false);
    });
    if (data.hideUnlinked) { shown = {}; }  // only what a kept line touches
    keptEdges.forEach(function (e) { shown[e.from] = true; shown[e.to] = true; });
    var keptNodes = net.nodes.filter(function (n) { return shown[n.id]; });
    return { nodes: keptNodes, edges: keptEdges, truncated: truncated, anchors: net.nodes.filter(function (n) { return !n.satellite; }).length };
  }

  function apply(first) {
    var net = byKey[state.mode];
    if (!net) { markStable(); return; }
    if (!first) { state.positions[state.mode] = Object.assign(state.positions[state.mode] || {}, network.getPositions()); }
    var seen = state.positions[state.mode] || {};
    var items = visibleItems(net);
    var placed = items.nodes.map(function (n) {
      var copy = Object.assign({}, n);
      if (seen[n.id]) { copy.x = seen[n.id].x; copy.y = seen[n.id].y; }
      return copy;
    });
    nodes.clear(); edges.clear();
    nodes.add(placed); edges.add(items.edges);
    stats.shownNodes = items.nodes.length; stats.shownEdges = items.edges.length;
    updateCounts(net, items);
    updateNames(net);
    // Re-layout after a filter: fewer rounds on thousands of nodes (each round costs ~0.2 s at 5,000).
    stabilise(first ? data.options.physics.stabilization.iterations : (items.nodes.length > 1000 ? 100 : 200));
  }

  function updateCounts(net, items) {
    var what = data.view === "who-met-whom" ? "people" : "nodes";
    document.getElementById("counts").textContent = "Showing " + fmt(items.nodes.length) + " of " +
      fmt(net.nodes.length) + " " + what + " and " + fmt(items.edges.length) + " of " + fmt(net.edges.length) + " links.";
    var notice = document.getElementById("notice");
    if (items.truncated) {
      notice.hidden = false;
      notice.textContent = "This network has " + fmt(items.anchors) + " " + (data.view === "who-met-whom" ? "people" : "speakers or people") +
        "; to stay usable the view starts with the " + fmt(data.topLimit) +
        " most connected. Untick \u201conly the most connected\u201d or choose a meeting or country to see others.";
    } else if (items.nodes.length === 0) {
      notice.hidden = false;
      notice.textContent = "Nothing matches these filters.";
    } else {
      notice.hidden = true;
      notice.textContent = "";
    }
  }

  function updateNames(net) {
    var list = document.getElementById("names");
    while (list.firstChild) { list.removeChild(list.firstChild); }
    var labels = net.nodes.map(function (n) { return n.label; }).sort();
    labels.forEach(function (label) { var option = document.createElement("option"); option.value = label; list.appendChild(option); });
  }

  // ----- physics: stabilise, then stop --------------------------------------------------------------

  function stabilise(iterations) {
    loading.classList.remove("done");
    loadingFill.style.width = "0%";
    document.documentElement.dataset.stable = "false";
    if (nodes.length === 0) { markStable(); return; }
    stabilising = true;
    network.setOptions({ physics: { enabled: true } });
    network.stabilize(iterations);
  }

  function markStable() {
    stabilising = false;
    network.setOptions({ physics: { enabled: false } });
    stats.stabilisations += 1;
    stats.lastStableAt = Math.round(performance.now());
    if (stats.stableMs === null) { stats.stableMs = stats.lastStableAt; }
    stats.drawnNodes = network.body.nodeIndices.length;
    stats.drawnEdges = network.body.edgeIndices.length;
    loading.classList.add("done");
    document.documentElement.dataset.stable = "true";
  }

  network.on("stabilizationProgress", function (p) {
    loadingFill.style.width = Math.round(100 * p.iterations / Math.max(1, p.total)) + "%";
  });
  network.on("stabilizationIterationsDone", function () { if (stabilising) { markStable(); } });

  // ----- side panel -------------------------------------------------------------------------------

  var panel = document.getElementById("details");

  function showDetail(detail) {
    while (panel.firstChild) { panel.removeChild(panel.firstChild); }
    if (!detail) { panel.appendChild(el("p", "Click a node or a line to see details here.", "hint")); return; }
    panel.appendChild(el("h2", detail.heading));
    if (detail.subtitle) { panel.appendChild(el("p", detail.subtitle, "subtitle")); }
    (detail.sections || []).forEach(function (section) {
      panel.appendChild(el("h3", section.title));
      var list = el("ul");
      section.items.forEach(function (item) {
        var li = el("li");
        li.appendChild(el("div", item.text, "text"));
        if (item.quote) { li.appendChild(el("blockquote", "\u201c" + item.quote + "\u201d", "quote")); }
        if (item.source) { li.appendChild(el("div", item.source, "source")); }
        list.appendChild(li);
      });
      panel.appendChild(list);
    });
  }

  network.on("click", function (params) {
    var net = byKey[state.mode];
    if (params.nodes.length) { showDetail(net.details[params.nodes[0]]); }
    else if (params.edges.length) { showDetail(net.edgeDetails[params.edges[0]]); }
    else { showDetail(null); }
  });

  // ----- controls ---------------------------------------------------------------------------------

  // Choosing a meeting narrows the session list to its sessions (and drops a session of another meeting).
  function narrowChildren(eventValue) {
    Array.prototype.forEach.call(document.querySelectorAll("option[data-parent]"), function (option) {
      option.hidden = !!eventValue && option.dataset.parent !== eventValue;
      var select = option.parentNode;
      if (option.hidden && select.value === option.value) {
        select.value = "";
        state.select[select.dataset.facet] = "";
      }
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("select[data-facet]"), function (select) {
    select.addEventListener("change", function () {
      state.select[select.dataset.facet] = select.value;
      if (select.dataset.facet === "event") { narrowChildren(select.value); }
      apply(false);
    });
  });
  Array.prototype.forEach.call(document.querySelectorAll("input[data-multi]"), function (box) {
    box.addEventListener("change", function () { state.multi[box.dataset.multi][box.value] = box.checked; apply(false); });
  });
  Array.prototype.forEach.call(document.querySelectorAll("input[name=mode]"), function (radio) {
    radio.addEventListener("change", function () {
      if (!radio.checked) { return; }
      state.positions[state.mode] = Object.assign(state.positions[state.mode] || {}, network.getPositions());
      state.mode = radio.value;
      showDetail(null);
      apply(true);
    });
  });
  var top = document.getElementById("top");
  if (top) { top.addEventListener("change", function () { state.top = top.checked; apply(false); }); }
  document.getElementById("reset").addEventListener("click", function () {
    Array.prototype.forEach.call(document.querySelectorAll("select[data-facet]"), function (s) { s.value = ""; state.select[s.dataset.facet] = ""; });
    narrowChildren("");
    Array.prototype.forEach.call(document.querySelectorAll("input[data-multi]"), function (b) { b.checked = true; state.multi[b.dataset.multi][b.value] = true; });
    apply(false);
  });

  var search = document.getElementById("search");
  var searchResult = document.getElementById("search-result");
  function runSearch(open) {
    var query = search.value.trim().toLowerCase();
    if (query.length < 2) { searchResult.textContent = ""; network.unselectAll(); return; }
    var net = byKey[state.mode];
    var all = net.nodes.filter(function (n) { return String(n.label).toLowerCase().indexOf(query) >= 0; });
    var ids = all.filter(function (n) { return nodes.get(n.id) !== null; }).map(function (n) { return n.id; });
    var hidden = all.length - ids.length;
    searchResult.textContent = ids.length + " match" + (ids.length === 1 ? "" : "es") +
      (hidden ? " (" + hidden + " hidden by the filters)" : "");
    network.selectNodes(ids);
    if (ids.length && ids.length <= 50) { network.fit({ nodes: ids, animation: false, maxZoomLevel: 1.2 }); }
    if (open && ids.length === 1) { showDetail(net.details[ids[0]]); }
  }
  search.addEventListener("input", function () { runSearch(false); });
  search.addEventListener("change", function () { runSearch(true); });
  search.addEventListener("keydown", function (event) { if (event.key === "Enter") { runSearch(true); } });

  // What tests and the benchmark read.
  window.unkgView = {
    stats: stats,
    network: network,
    drawnNodeCount: function () { return network.body.nodeIndices.length; },
    drawnEdgeCount: function () { return network.body.edgeIndices.length; },
    drawnLabels: function () { return network.body.nodeIndices.map(function (id) { return network.body.nodes[id].options.label; }); },
    totalNodeCount: function () { return byKey[state.mode] ? byKey[state.mode].nodes.length : 0; },
    showDetailOf: function (id) { showDetail(byKey[state.mode].details[id]); }
  };

  apply(true);
}());
