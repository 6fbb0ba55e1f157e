// <kod-sok>: the code server's embeddable code picker, a form-associated web component. An EHR vendor adds
//   <script type="module" src="https://<code server>/codes/assets/browser/kod-sok.js"></script>
//   <kod-sok name="diagnos" system="icd-10-se" label="Diagnos (ICD-10-SE)"></kod-sok>
// to its own form: the clinician searches as they type (arrow keys choose, Enter picks, Escape closes), the form
// submits the picked code under the element's name, and a "kod-vald" event carries {system, code, display}.
// It talks to /codes/suggest on the server it was loaded from (open data, CORS allowed); no inline script or style.
const BASE = new URL('/codes/', import.meta.url);
let counter = 0;

class KodSok extends HTMLElement {
  static formAssociated = true;

  constructor() {
    super();
    this.internals = this.attachInternals();
    const id = 'kod-sok-' + (++counter);
    const root = this.attachShadow({ mode: 'open' });
    const sheet = document.createElement('link');
    sheet.rel = 'stylesheet';
    sheet.href = new URL('assets/browser/kod-sok.css', BASE).href;
    this.label = document.createElement('label');
    this.label.htmlFor = id + '-input';
    this.label.part = 'label';
    this.input = document.createElement('input');
    Object.assign(this.input, { id: id + '-input', type: 'search', autocomplete: 'off', spellcheck: false });
    this.input.part = 'input';
    this.input.setAttribute('role', 'combobox');
    this.input.setAttribute('aria-autocomplete', 'list');
    this.input.setAttribute('aria-expanded', 'false');
    this.input.setAttribute('aria-controls', id + '-list');
    this.list = document.createElement('div');
    Object.assign(this.list, { id: id + '-list', hidden: true });
    this.list.setAttribute('role', 'listbox');
    this.list.part = 'listbox';
    this.status = document.createElement('p');
    this.status.setAttribute('role', 'status');
    this.status.part = 'status';
    root.append(sheet, this.label, this.input, this.list, this.status);
    this.options = [];
    this.active = -1;
    this.sequence = 0;
    this.input.addEventListener('input', () => {
      this.list.setAttribute('aria-busy', 'true'); // until the answer for what is typed now has been shown
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.suggest(), 120);
    });
    this.input.addEventListener('keydown', (event) => this.key(event));
    // close once the field has really lost the focus (a click on an option lands first; focus that came back stays)
    this.input.addEventListener('blur', () => setTimeout(() => {
      if (this.shadowRoot.activeElement !== this.input) { this.close(); }
    }, 150));
  }

  connectedCallback() {
    this.label.textContent = this.getAttribute('label') || 'Kod';
  }

  get value() {
    return this.picked ? this.picked.code : '';
  }

  async suggest() {
    const q = this.input.value.trim();
    const mine = ++this.sequence;
    if (!q) { this.list.removeAttribute('aria-busy'); this.close(); return; }
    const url = new URL('suggest', BASE);
    url.searchParams.set('q', q);
    if (this.getAttribute('system')) { url.searchParams.set('system', this.getAttribute('system')); }
    try {
      const response = await fetch(url, { headers: { Accept: 'application/json' } });
      const results = response.ok ? await response.json() : null;
      // only the answer to what the field holds now (an older answer may arrive after newer keys)
      if (results && mine === this.sequence && results.query === this.input.value.trim()) { this.render(results); }
    } catch (e) {
      this.status.textContent = 'Kodservern svarar inte.';
    }
  }

  render(results) {
    this.list.textContent = '';
    this.options = [];
    this.active = -1;
    this.input.removeAttribute('aria-activedescendant'); // the options it named are gone
    for (const group of results.groups) {
      for (const hit of group.hits) {
        const option = document.createElement('div');
        option.id = this.list.id + '-' + this.options.length;
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', 'false');
        option.part = 'option';
        option.dataset.code = hit.code;
        option.dataset.system = group.slug;
        const code = document.createElement('b');
        code.textContent = hit.code + ' ';
        option.append(code, hit.display || '');
        if (!this.getAttribute('system')) { option.append(' (' + group.title + ')'); }
        option.addEventListener('mousedown', (event) => { event.preventDefault(); this.pick(group.slug, hit); });
        option.hit = hit;
        option.slug = group.slug;
        this.options.push(option);
        this.list.append(option);
      }
    }
    this.status.textContent = results.total + (results.total === 1 ? ' träff' : ' träffar')
      + (results.corrected ? ' för ' + results.corrected : '');
    this.list.hidden = this.options.length === 0;
    this.list.removeAttribute('aria-busy');
    this.input.setAttribute('aria-expanded', String(!this.list.hidden));
  }

  key(event) {
    if (event.key === 'ArrowDown' && this.options.length) {
      event.preventDefault();
      this.list.hidden = false;
      this.move(this.active + 1 < this.options.length ? this.active + 1 : 0);
    } else if (event.key === 'ArrowUp' && this.options.length) {
      event.preventDefault();
      this.move(this.active > 0 ? this.active - 1 : this.options.length - 1);
    } else if (event.key === 'Enter' && this.active >= 0 && !this.list.hidden) {
      event.preventDefault();
      const option = this.options[this.active];
      this.pick(option.slug, option.hit);
    } else if (event.key === 'Escape') {
      this.close();
    }
  }

  move(index) {
    if (this.active >= 0) { this.options[this.active].setAttribute('aria-selected', 'false'); }
    this.active = index;
    const option = this.options[index];
    option.setAttribute('aria-selected', 'true');
    this.input.setAttribute('aria-activedescendant', option.id);
    option.scrollIntoView({ block: 'nearest' });
  }

  pick(system, hit) {
    this.picked = { system, code: hit.code, display: hit.display };
    this.input.value = hit.code + ' ' + (hit.display || '');
    this.internals.setFormValue(hit.code);
    this.setAttribute('value', hit.code);
    this.status.textContent = 'Vald: ' + hit.code;
    this.close();
    this.dispatchEvent(new CustomEvent('kod-vald', { detail: this.picked, bubbles: true, composed: true }));
  }

  close() {
    this.list.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
    this.active = -1;
  }
}

if (!customElements.get('kod-sok')) {
  customElements.define('kod-sok', KodSok);
}
