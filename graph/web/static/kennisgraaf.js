// The query page: YASGUI on this endpoint, the competency questions as examples, the project's prefixes preset.
// Nothing here talks to another host: no endpoint catalogue, no prefix.cc, no LOV autocompletion.
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("kennisgraaf-config").textContent);
  var endpoint = new URL(config.endpoint, window.location.href).href;
  Yasgui.Yasqe.defaults.autocompleters = ["prefixes", "variables"];
  Yasgui.Yasqe.defaults.value = config.standaard;
  var yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } },
    persistenceId: null,
    populateFromUrl: false,
    yasqe: { value: config.standaard },
    yasr: { prefixes: config.prefixes }  // IRIs in the result table shortened with the project's prefixes
  });
  var tab = yasgui.getTab();
  if (tab.getEndpoint() !== endpoint) { tab.setEndpoint(endpoint); }
  tab.getYasqe().addPrefixes(config.prefixes);
  tab.getYasqe().collapsePrefixes(true);  // the predeclared prefixes folded into one line: the query shows

  var list = document.getElementById("voorbeelden");
  config.voorbeelden.forEach(function (voorbeeld, i) {
    var item = document.createElement("li");
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = voorbeeld.titel;  // text, never markup
    button.dataset.voorbeeld = String(i);
    button.addEventListener("click", function () {
      var current = yasgui.getTab();
      current.setQuery(voorbeeld.query);
      current.getYasqe().collapsePrefixes(true);
      current.getYasqe().query().catch(function () {});
    });
    item.appendChild(button);
    list.appendChild(item);
  });
  window.kennisgraafYasgui = yasgui;
})();
