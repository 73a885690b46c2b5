/*
 * Runs inside the page: resolves a locator's steps to elements, the same way in every browser.
 * It is plain JavaScript read from disk and sent as source text, so that nothing a TypeScript
 * loader adds (tsx's `__name` helper) reaches the page. One expression: (steps) => Element[].
 *
 * Steps (built by locator.ts): {css}, {role, name?}, {text}, {label}, {hasText}, {and: steps}, {nth}.
 * A text matcher is {text, exact} or {regex, flags}: a string matches case-insensitively as a
 * substring, exactly when asked, after whitespace is collapsed (as Playwright's getBy* do).
 */
(steps) => {
  const collapse = (value) => (value ?? '').replace(/\s+/g, ' ').trim();
  const test = (matcher, value) => {
    const text = collapse(value);
    if (matcher.regex !== undefined) return new RegExp(matcher.regex, matcher.flags).test(text);
    return matcher.exact ? text === collapse(matcher.text) : text.toLowerCase().includes(collapse(matcher.text).toLowerCase());
  };

  // Hidden from assistive technology: not rendered, or inside aria-hidden.
  const hidden = (element) =>
    !element.checkVisibility({ visibilityProperty: true }) || element.closest('[aria-hidden="true"]') !== null;

  const INPUT_ROLES = { button: 'button', submit: 'button', reset: 'button', image: 'button', checkbox: 'checkbox', radio: 'radio', search: 'searchbox', number: 'spinbutton', range: 'slider' };
  const TAG_ROLES = { BUTTON: 'button', UL: 'list', OL: 'list', MENU: 'list', LI: 'listitem', TEXTAREA: 'textbox', DIALOG: 'dialog', NAV: 'navigation', MAIN: 'main', ARTICLE: 'article', FIELDSET: 'group', OPTION: 'option', TABLE: 'table', TR: 'row', TD: 'cell', TH: 'columnheader', PROGRESS: 'progressbar', FORM: 'form', SECTION: 'region', ASIDE: 'complementary' };
  const roleOf = (element) => {
    const explicit = element.getAttribute('role');
    if (explicit) return explicit.trim().split(/\s+/)[0];
    const tag = element.tagName;
    if (/^H[1-6]$/.test(tag)) return 'heading';
    if ((tag === 'A' || tag === 'AREA') && element.hasAttribute('href')) return 'link';
    if (tag === 'SELECT') return element.multiple || element.size > 1 ? 'listbox' : 'combobox';
    if (tag === 'INPUT') {
      if (element.type === 'hidden' || element.type === 'file') return undefined;
      if (element.hasAttribute('list')) return 'combobox';
      return INPUT_ROLES[element.type] ?? 'textbox';
    }
    if (tag === 'IMG') return element.getAttribute('alt') === '' ? 'presentation' : 'img';
    return TAG_ROLES[tag];
  };

  // Text a reader or a screen reader gets from the element's content: hidden parts and the values
  // of embedded form controls left out.
  const contentText = (node) => {
    let text = '';
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) text += child.data;
      else if (child.nodeType === Node.ELEMENT_NODE && !hidden(child) && !/^(SELECT|INPUT|TEXTAREA|SCRIPT|STYLE)$/.test(child.tagName)) {
        text += ` ${contentText(child)} `;
      }
    }
    return text;
  };

  const NAME_FROM_CONTENT = new Set(['button', 'link', 'heading', 'checkbox', 'radio', 'option', 'tab', 'menuitem', 'cell', 'columnheader', 'row', 'treeitem', 'tooltip', 'switch']);
  // The accessible name, by the common steps of the accname rules: labelledby, aria-label,
  // <label>, alt/value, content for roles named by it, title, placeholder.
  const nameOf = (element, role) => {
    const labelledBy = element.getAttribute('aria-labelledby');
    if (labelledBy) return collapse(labelledBy.split(/\s+/).map((id) => contentText(document.getElementById(id) ?? document.createElement('i'))).join(' '));
    const label = element.getAttribute('aria-label');
    if (label && label.trim()) return collapse(label);
    if (element.labels && element.labels.length > 0) return collapse([...element.labels].map(contentText).join(' '));
    if (element.tagName === 'INPUT' && /^(button|submit|reset)$/.test(element.type)) return collapse(element.value);
    if (element.tagName === 'IMG') return collapse(element.getAttribute('alt'));
    if (NAME_FROM_CONTENT.has(role)) {
      const text = collapse(contentText(element));
      if (text) return text;
    }
    return collapse(element.getAttribute('title') ?? element.getAttribute('placeholder') ?? '');
  };

  const descendants = (roots) => {
    const all = new Set();
    for (const root of roots) for (const element of root.querySelectorAll('*')) all.add(element);
    return [...all];
  };

  const resolve = (list) => {
    let current = [document];
    for (const step of list) {
      if (step.css !== undefined) {
        const found = new Set();
        for (const root of current) for (const element of root.querySelectorAll(step.css)) found.add(element);
        current = [...found];
      } else if (step.role !== undefined) {
        current = descendants(current).filter((element) => roleOf(element) === step.role && !hidden(element) && (!step.name || test(step.name, nameOf(element, step.role))));
      } else if (step.text !== undefined) {
        const own = (element) => (element.tagName === 'INPUT' && /^(button|submit|reset)$/.test(element.type) ? element.value : element.textContent);
        const candidates = descendants(current).filter((element) => !/^(SCRIPT|STYLE|TEMPLATE|HEAD|TITLE)$/.test(element.tagName) && test(step.text, own(element)));
        // The innermost elements holding the text, as a reader would point at them.
        const matched = new Set(candidates);
        current = candidates.filter((element) => ![...element.children].some((child) => matched.has(child)));
      } else if (step.label !== undefined) {
        current = descendants(current).filter((element) => {
          const labels = element.labels ? [...element.labels].map(contentText) : [];
          const named = [element.getAttribute('aria-label'), ...labels];
          const labelledBy = element.getAttribute('aria-labelledby');
          if (labelledBy) named.push(labelledBy.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' '));
          return named.some((value) => value && test(step.label, value));
        });
      } else if (step.hasText !== undefined) {
        current = current.filter((element) => test(step.hasText, element.textContent));
      } else if (step.and !== undefined) {
        const other = new Set(resolve(step.and));
        current = current.filter((element) => other.has(element));
      } else if (step.nth !== undefined) {
        const element = step.nth < 0 ? current[current.length + step.nth] : current[step.nth];
        current = element ? [element] : [];
      }
    }
    return current.filter((node) => node !== document);
  };
  return resolve(steps);
}
