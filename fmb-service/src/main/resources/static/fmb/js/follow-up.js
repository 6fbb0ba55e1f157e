// Draws the follow-up page's charts with uPlot from the data in the chart elements' data-series (no inline script:
// strict CSP).
(function () {
  'use strict';

  function seconds(isoDay) {
    var parts = isoDay.split('-');
    return Date.UTC(Number(parts[0]), Number(parts[1]) - 1, parts.length > 2 ? Number(parts[2]) : 1) / 1000;
  }

  function draw(element, title, xLabel, yLabel, series, data) {
    var options = {
      title: title,
      width: Math.max(320, element.clientWidth || 800),
      height: 280,
      scales: { x: { time: true } },
      axes: [{}, { label: yLabel }],
      series: [{ label: xLabel }].concat(series)
    };
    new uPlot(options, data, element);
    element.setAttribute('data-drawn', 'true');
  }

  document.addEventListener('DOMContentLoaded', function () {
    var use = document.getElementById('chart-use');
    if (use) {
      var u = JSON.parse(use.getAttribute('data-series'));
      draw(use, 'Användning per dag', 'Dag', 'antal', [
        { label: 'Uppslag', stroke: '#00677f', width: 2 },
        { label: 'Hämtningar av samlingarna', stroke: '#6a2c70', width: 2 },
        { label: 'Kontroller inom rekommendationen', stroke: '#2e7d32', width: 2 },
        { label: 'Kontroller över rekommendationen', stroke: '#c62828', width: 2 }
      ], [u.days.map(seconds), u.lookups, u.collectionReads, u.checksWithin, u.checksOver]);
    }
    var months = document.getElementById('chart-months');
    if (months) {
      var m = JSON.parse(months.getAttribute('data-series'));
      draw(months, 'Sjukskrivningarnas längd per startmånad', 'Månad', 'dagar', [
        { label: 'Median', stroke: '#00677f', width: 2, points: { show: true } },
        { label: '75:e percentilen', stroke: '#d4a000', width: 2, points: { show: true } },
        { label: '90:e percentilen', stroke: '#6a2c70', width: 2, points: { show: true } },
        { label: 'Rekommenderat högst', stroke: '#c62828', width: 2, dash: [8, 4] }
      ], [m.months.map(seconds), m.median, m.p75, m.p90,
        m.max.map(function (v) { return v < 0 ? null : v; })]);
    }
  });
}());
