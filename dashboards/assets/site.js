"use strict";
// Draws every chart of the page from its JSON option block, and keeps charts sized for screen and print.
(function () {
  var charts = [];
  document.querySelectorAll("[data-chart]").forEach(function (box) {
    var option = JSON.parse(document.getElementById(box.id + "-option").textContent);
    var chart = echarts.init(box, null, { renderer: box.getAttribute("data-renderer") || "svg" });
    chart.setOption(option);
    charts.push(chart);
  });
  function resize() { charts.forEach(function (c) { c.resize(); }); }
  window.addEventListener("resize", resize);
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (d) { d.open = true; });
    resize();
  });
  window.addEventListener("afterprint", resize);
})();
