"use strict";
// Draws every chart of the page from its JSON option block, and keeps charts sized for screen and print.
// Sizes and colours come from data- attributes and are set here through the DOM, and tooltips
// are drawn by echarts as rich text rather than HTML: served with govscore serve's
// Content-Security-Policy (no inline style, no inline script), the pages then need no exception.
(function () {
  var charts = [];
  document.querySelectorAll("[data-color]").forEach(function (el) {
    el.style.background = el.getAttribute("data-color");
  });
  document.querySelectorAll("[data-chart]").forEach(function (box) {
    var option = JSON.parse(document.getElementById(box.id + "-option").textContent);
    [].concat(option.tooltip || []).forEach(function (t) { t.renderMode = "richText"; });
    box.style.height = box.getAttribute("data-height");
    var chart = echarts.init(box, null, { renderer: box.getAttribute("data-renderer") || "svg" });
    chart.setOption(option);
    charts.push(chart);
  });
  function resize() { charts.forEach(function (c) { c.resize({ width: "auto" }); }); }
  window.addEventListener("resize", resize);
  // While printing, the page still has its screen width, so charts are sized for A4 explicitly:
  // 186 mm of printable width (12 mm margins) is about 700 CSS pixels.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (d) { d.open = true; });
    charts.forEach(function (c) { c.resize({ width: 700 }); });
  });
  window.addEventListener("afterprint", function () { setTimeout(resize, 50); });
})();
