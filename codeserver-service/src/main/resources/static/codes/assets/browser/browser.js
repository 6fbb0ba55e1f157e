// The code browser's progressive enhancement: search as you type with keyboard navigation (the ARIA 1.2 combobox
// pattern) and copy buttons. Without it every page works as plain HTML.
(function () {
  'use strict';

  function el(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text != null) { node.textContent = text; }
    return node;
  }

  function enhanceSearch(input) {
    var form = input.form;
    var systemSelect = form.querySelector('select[name=system]');
    var list = el('div', { id: 'suggestions', role: 'listbox', 'aria-label': 'Förslag', class: 'suggestions' });
    var status = el('p', { id: 'suggest-status', role: 'status', class: 'visually-hidden' });
    list.hidden = true;
    input.parentNode.appendChild(list);
    input.parentNode.appendChild(status);
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-controls', 'suggestions');
    input.setAttribute('aria-expanded', 'false');
    var options = [];
    var active = -1;
    var timer = null;
    var sequence = 0;

    function close() {
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      active = -1;
    }

    function activate(index) {
      if (active >= 0) { options[active].classList.remove('active'); options[active].setAttribute('aria-selected', 'false'); }
      active = index;
      if (active >= 0) {
        var option = options[active];
        option.classList.add('active');
        option.setAttribute('aria-selected', 'true');
        input.setAttribute('aria-activedescendant', option.id);
        option.scrollIntoView({ block: 'nearest' });
      } else {
        input.removeAttribute('aria-activedescendant');
      }
    }

    function render(results) {
      list.textContent = '';
      options = [];
      active = -1;
      input.removeAttribute('aria-activedescendant'); // the options it named are gone
      results.groups.forEach(function (group, g) {
        var box = el('div', { role: 'group', 'aria-labelledby': 'suggest-group-' + g });
        box.appendChild(el('div', { id: 'suggest-group-' + g, class: 'group-title', role: 'presentation' },
          group.title + ' (' + group.total + ')'));
        group.hits.forEach(function (hit) {
          var option = el('div', {
            id: 'suggest-' + options.length, role: 'option', 'aria-selected': 'false',
            'data-href': hit.href, 'data-code': hit.code, 'data-system': group.slug
          });
          option.appendChild(el('span', { class: 'code' }, hit.code));
          option.appendChild(document.createTextNode(' '));
          hit.segments.forEach(function (segment) {
            option.appendChild(segment.marked ? el('mark', {}, segment.text) : document.createTextNode(segment.text));
          });
          if (hit.matchedTerm) { option.appendChild(el('span', { class: 'term' }, ' (även: ' + hit.matchedTerm + ')')); }
          option.addEventListener('mousedown', function (event) { event.preventDefault(); location.href = hit.href; });
          options.push(option);
          box.appendChild(option);
        });
        list.appendChild(box);
      });
      var corrected = results.corrected ? 'Visar träffar för ' + results.corrected + '. ' : '';
      status.textContent = corrected + results.total + (results.total === 1 ? ' träff' : ' träffar');
      list.hidden = options.length === 0;
      list.removeAttribute('aria-busy');
      input.setAttribute('aria-expanded', options.length ? 'true' : 'false');
    }

    function suggest() {
      var q = input.value.trim();
      var mine = ++sequence;
      if (!q) { list.removeAttribute('aria-busy'); close(); status.textContent = ''; return; }
      var url = form.getAttribute('action').replace(/search$/, 'suggest') + '?q=' + encodeURIComponent(q);
      if (systemSelect && systemSelect.value) { url += '&system=' + encodeURIComponent(systemSelect.value); }
      fetch(url, { headers: { Accept: 'application/json' } })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (results) {
          // only the answer to what the field holds now (an older answer may arrive after newer keys)
          if (results && mine === sequence && results.query === input.value.trim()) { render(results); }
        })
        .catch(function () { /* the form still works */ });
    }

    input.addEventListener('input', function () {
      list.setAttribute('aria-busy', 'true'); // until the answer for what is typed now has been shown
      clearTimeout(timer);
      timer = setTimeout(suggest, 120);
    });
    if (systemSelect) { systemSelect.addEventListener('change', suggest); }
    input.addEventListener('keydown', function (event) {
      if (event.key === 'ArrowDown' && options.length) {
        event.preventDefault();
        if (list.hidden) { list.hidden = false; input.setAttribute('aria-expanded', 'true'); }
        activate(active + 1 < options.length ? active + 1 : 0);
      } else if (event.key === 'ArrowUp' && options.length) {
        event.preventDefault();
        activate(active > 0 ? active - 1 : options.length - 1);
      } else if (event.key === 'Enter' && active >= 0 && !list.hidden) {
        event.preventDefault();
        location.href = options[active].getAttribute('data-href');
      } else if (event.key === 'Escape') {
        close();
      }
    });
    // close once the field has really lost the focus (a click on an option lands first; focus that came back stays)
    input.addEventListener('blur', function () {
      setTimeout(function () { if (document.activeElement !== input) { close(); } }, 150);
    });
  }

  function enhanceCopyButtons() {
    if (!navigator.clipboard) { return; }
    document.querySelectorAll('button.copy[data-copy]').forEach(function (button) {
      button.hidden = false;
      button.addEventListener('click', function () {
        navigator.clipboard.writeText(button.getAttribute('data-copy')).then(function () {
          var label = button.textContent;
          button.textContent = 'Kopierat';
          setTimeout(function () { button.textContent = label; }, 1500);
        });
      });
    });
  }

  var q = document.getElementById('q');
  if (q && q.form) { enhanceSearch(q); }
  enhanceCopyButtons();
})();
