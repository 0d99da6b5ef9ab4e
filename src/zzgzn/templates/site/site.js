// zzgzn site: progressive enhancement only. Every page reads fully without this script;
// with it, the board gets a filter box and sortable columns. No network, no libraries.
(function () {
  "use strict";

  var STATE_ORDER = {
    missing: 0, invalid: 1, late: 2, not_due: 3, on_time: 4
  };

  function cellKey(cell, how) {
    if (!cell) { return ""; }
    if (how === "state") {
      var state = cell.getAttribute("data-state");
      var order = state in STATE_ORDER ? STATE_ORDER[state] : 9;
      // within a state, more working days late sorts first
      var days = parseInt((cell.textContent.match(/逾期(\d+)/) || [0, 0])[1], 10);
      return order * 10000 - days;
    }
    if (how === "number") { return parseFloat(cell.textContent) || 0; }
    return cell.textContent.trim();
  }

  function makeSortable(table) {
    var heads = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(heads, function (th, column) {
      var how = th.getAttribute("data-sort");
      if (!how) { return; }
      th.tabIndex = 0;
      th.title = "点击排序";
      function sort() {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        Array.prototype.forEach.call(table.tBodies, function (body) {
          var rows = Array.prototype.slice.call(body.rows);
          var keyed = rows.map(function (row, i) {
            return { row: row, key: cellKey(row.cells[column], how), i: i };
          });
          keyed.sort(function (a, b) {
            var c = typeof a.key === "number" ? a.key - b.key : a.key.localeCompare(b.key, "zh-CN");
            return (ascending ? c : -c) || a.i - b.i;
          });
          var fragment = document.createDocumentFragment();
          keyed.forEach(function (k) { fragment.appendChild(k.row); });
          body.appendChild(fragment);
        });
      }
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (e) {
        if (e.key === "Enter" || e.key === " ") { e.preventDefault(); sort(); }
      });
    });
  }

  function setUpFilter() {
    var box = document.getElementById("filter");
    var tables = document.querySelectorAll("table[data-filterable]");
    if (!box || !tables.length) { return; }
    var rows = [];
    Array.prototype.forEach.call(tables, function (table) {
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        rows.push({ row: row, text: (row.getAttribute("data-filter-text") || "").toLowerCase() });
      });
    });
    var count = document.getElementById("filter-count");
    var first = tables[0].tBodies[0].rows.length;
    var pending = 0;
    function apply() {
      pending = 0;
      var words = box.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (r, i) {
        var match = words.every(function (w) { return r.text.indexOf(w) !== -1; });
        if (r.row.hidden === match) { r.row.hidden = !match; }
        if (match && i < first) { shown += 1; }
      });
      count.textContent = words.length ? "显示 " + shown + " / " + first + " 个单位" : "";
    }
    box.addEventListener("input", function () {
      if (!pending) { pending = window.requestAnimationFrame(apply); }
    });
    box.parentNode.hidden = false;
    if (box.value) { apply(); }
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), makeSortable);
    setUpFilter();
  });
})();
