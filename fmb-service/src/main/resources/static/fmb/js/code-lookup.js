// Code look-up as you type for the FMB editor's code rows (no inline script: the pages run under a strict CSP).
// Every <input class="code" data-system="icf|icd10"> gets a <datalist> fed by the code server's suggest endpoint
// (data-suggest-url on the form, by default /codes/suggest through the gateway). When the code typed or picked is
// one the code server suggested, its name is written into the row's text field if that is empty.
const SYSTEMS = { icf: 'icf', icd10: 'icd-10-se' };

function attach(form) {
  const endpoint = form.dataset.suggestUrl;
  if (!endpoint) { return; }
  form.querySelectorAll('input.code[data-system]').forEach((input, index) => {
    const list = document.createElement('datalist');
    list.id = 'code-suggestions-' + index;
    input.after(list);
    input.setAttribute('list', list.id);
    const names = new Map();
    let timer;
    input.addEventListener('input', () => {
      clearTimeout(timer);
      fill(input, names);
      timer = setTimeout(() => suggest(endpoint, input, list, names), 150);
    });
  });
}

async function suggest(endpoint, input, list, names) {
  const query = input.value.trim();
  if (query.length < 2) { return; }
  const url = new URL(endpoint, document.baseURI);
  url.searchParams.set('q', query);
  url.searchParams.set('system', SYSTEMS[input.dataset.system]);
  try {
    const response = await fetch(url, { headers: { Accept: 'application/json' } });
    if (!response.ok) { return; }
    const answer = await response.json();
    list.replaceChildren();
    names.clear();
    for (const group of answer.groups || []) {
      for (const hit of group.hits || []) {
        names.set(hit.code.toLowerCase(), hit.display);
        const option = document.createElement('option');
        option.value = hit.code;
        option.label = hit.code + ' ' + hit.display;
        list.append(option);
      }
    }
    fill(input, names);
  } catch (e) {
    // the look-up is a help: without the code server the field is typed as before
  }
}

function fill(input, names) {
  const name = names.get(input.value.trim().toLowerCase());
  const text = input.parentElement.querySelector('input.code-text');
  if (name && text && !text.value.trim()) {
    text.value = name;
  }
}

document.querySelectorAll('form[data-suggest-url]').forEach(attach);
