// Draws the statistics page's charts with uPlot from the page's own data endpoint (no inline script: strict CSP).
(function () {
  'use strict';

  function monthToSeconds(month) {
    var parts = month.split('-');
    return Date.UTC(Number(parts[0]), Number(parts[1]) - 1, 1) / 1000;
  }

  function width(element) {
    return Math.max(320, element.clientWidth || 800);
  }

  function chart(elementId, title, series, data, yLabel) {
    var element = document.getElementById(elementId);
    var options = {
      title: title,
      width: width(element),
      height: 280,
      scales: { x: { time: true } },
      axes: [{}, { label: yLabel }],
      series: [{ label: 'Månad' }].concat(series)
    };
    return new uPlot(options, data, element);
  }

  function draw(statistics) {
    var months = statistics.months;
    var x = months.map(function (m) { return monthToSeconds(m.month); });
    chart('chart-channels', 'Intyg per månad och kanal', [
      { label: 'Webcert', stroke: '#6a2c70', width: 2, points: { show: true } },
      { label: 'Papper', stroke: '#d4a000', width: 2, points: { show: true } },
      { label: 'API', stroke: '#00677f', width: 2, points: { show: true } }
    ], [x, months.map(function (m) { return m.counts.webcert; }), months.map(function (m) { return m.counts.paper; }),
      months.map(function (m) { return m.counts.api; })], 'intyg');
    chart('chart-share', 'Andel som inkom elektroniskt (%)', [
      { label: 'Elektroniskt', stroke: '#2e7d32', width: 2, points: { show: true } }
    ], [x, months.map(function (m) { return m.counts.electronicShare == null ? null : Math.round(m.counts.electronicShare * 1000) / 10; })], '%');
    chart('chart-backlog', 'Kodning per ankomstmånad', [
      { label: 'Kodade', stroke: '#00677f', width: 2, points: { show: true } },
      { label: 'Okodade (kö)', stroke: '#c62828', width: 2, points: { show: true } }
    ], [x, months.map(function (m) { return m.coded; }), months.map(function (m) { return m.uncoded; })], 'intyg');
    document.getElementById('charts').setAttribute('data-drawn', 'true');
  }

  document.addEventListener('DOMContentLoaded', function () {
    var charts = document.getElementById('charts');
    fetch(charts.getAttribute('data-source'), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (!response.ok) { throw new Error('HTTP ' + response.status); }
        return response.json();
      })
      .then(draw)
      .catch(function (error) {
        charts.textContent = 'Diagrammen kunde inte ritas: ' + error.message;
      });
  });
}());
