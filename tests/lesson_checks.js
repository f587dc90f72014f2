// Checks of a lesson page run in the browser by Playwright (tests/test_lesson_a11y.py and
// tests/test_lesson_browser_i18n.py); written for these pages, no third-party code. One
// function, told what to do:
//   {lang: "zh-Hans"}  the static WCAG 2.2 checks over what is shown now: problems, lowest
//   "candidates"       mark what Tab should reach now; their keys in document order
//   "focus"            the element Tab has just focused: its key, problems
//   "layout"           what scrolls sideways, sticks out of the page or is clipped
//   "texts"            the visible words of headings and controls not marked lang="en"
// Problems are one line each, naming the success criterion and the element.
(what) => {
  "use strict";

  // -- colours: WCAG 2.2's relative luminance and contrast ratio ---------------------------

  function parse(text) {
    const m = text.match(/rgba?\(([^)]+)\)/);
    if (!m) { return null; }
    const p = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
    return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
  }

  function over(top, bottom) {  // `top` composited over an opaque `bottom`
    const a = top.a;
    return {
      r: top.r * a + bottom.r * (1 - a), g: top.g * a + bottom.g * (1 - a),
      b: top.b * a + bottom.b * (1 - a), a: 1,
    };
  }

  function luminance(c) {
    const channel = (v) => {
      const s = v / 255;
      return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
  }

  function ratio(x, y) {
    const [hi, lo] = [luminance(x), luminance(y)].sort((p, q) => q - p);
    return (hi + 0.05) / (lo + 0.05);
  }

  // The opaque colour behind `el`: its own and its ancestors' backgrounds over the white
  // canvas. null when an image is in the way, which no colour can stand for.
  function backdrop(el) {
    const layers = [];
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.backgroundImage !== "none") { return null; }
      const colour = parse(style.backgroundColor);
      if (colour && colour.a > 0) {
        layers.push(colour);
        if (colour.a === 1) { break; }
      }
    }
    let colour = { r: 255, g: 255, b: 255, a: 1 };
    for (const layer of layers.reverse()) { colour = over(layer, colour); }
    return colour;
  }

  function opacity(el) {
    let value = 1;
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
      value *= Number(getComputedStyle(node).opacity);
    }
    return value;
  }

  // -- what is shown, and what it is called ---------------------------------------------------

  function shown(el) {
    if (el.getClientRects().length === 0) { return false; }
    const style = getComputedStyle(el);
    return style.visibility !== "hidden" && style.visibility !== "collapse";
  }

  function describe(el) {
    let text = el.tagName.toLowerCase();
    if (el.id) { text += "#" + el.id; }
    const name = el.getAttribute("name");
    if (name) { text += "[name=" + name + "]"; }
    const card = el.closest("section[id]");
    if (card && card !== el) { text += " in #" + card.id; }
    const words = (el.textContent || "").trim().replace(/\s+/g, " ").slice(0, 40);
    return words ? text + " \"" + words + "\"" : text;
  }

  function words(text) { return (text || "").replace(/\s+/g, " ").trim(); }

  // The accessible name, as the HTML-AAM computes it for the elements these pages use:
  // aria-labelledby, aria-label, the <label>s of a control, a button's content, title.
  function accessibleName(el) {
    const ids = el.getAttribute("aria-labelledby");
    if (ids) {
      const named = ids.split(/\s+/).map((id) => document.getElementById(id))
        .filter(Boolean).map((node) => words(node.textContent)).join(" ");
      if (named.trim()) { return named; }
    }
    if (words(el.getAttribute("aria-label"))) { return words(el.getAttribute("aria-label")); }
    if (el.labels && el.labels.length) {
      const named = Array.from(el.labels).map((label) => words(label.textContent)).join(" ");
      if (named) { return named; }
    }
    if (el.tagName === "BUTTON" || el.getAttribute("role") === "button") {
      const inner = words(el.textContent) ||
        Array.from(el.querySelectorAll("img[alt]")).map((img) => img.alt).join(" ");
      if (inner) { return inner; }
    }
    if (el.tagName === "INPUT" && ["submit", "reset", "button"].includes(el.type)) {
      if (words(el.value)) { return words(el.value); }
    }
    if (el.tagName === "INPUT" && el.type === "image" && words(el.alt)) { return words(el.alt); }
    if (el.tagName === "svg") {
      const title = el.querySelector(":scope > title");
      if (title && words(title.textContent)) { return words(title.textContent); }
    }
    return words(el.getAttribute("title"));
  }

  // -- the static checks ---------------------------------------------------------------------

  function textAlternatives(problems) {  // 1.1.1 Non-text Content
    for (const img of document.querySelectorAll("img, input[type=image], area")) {
      if (!img.hasAttribute("alt")) { problems.push("1.1.1 no alt: " + describe(img)); }
    }
    for (const el of document.querySelectorAll("svg, [role=img], canvas, object")) {
      if (el.closest("[aria-hidden=true]")) { continue; }
      if (el.tagName === "svg" && el.parentElement.closest("svg")) { continue; }
      if (!accessibleName(el)) { problems.push("1.1.1 no text alternative: " + describe(el)); }
    }
  }

  const CONTROLS = "input:not([type=hidden]), select, textarea, button, [role=button], " +
    "[role=checkbox], [role=radio], [role=textbox], [role=combobox], [role=slider]";

  function names(problems) {  // 4.1.2 Name, Role, Value; 1.3.1 for radio groups
    for (const el of document.querySelectorAll(CONTROLS)) {
      if (!accessibleName(el)) { problems.push("4.1.2 no accessible name: " + describe(el)); }
      if (el.type === "radio") {
        const group = el.closest("fieldset, [role=radiogroup]");
        const legend = group && (group.tagName === "FIELDSET"
          ? group.querySelector(":scope > legend") : null);
        const named = group && (legend ? words(legend.textContent) : accessibleName(group));
        if (!named) { problems.push("1.3.1 radio group without a name: " + describe(el)); }
      }
    }
    const seen = new Set();
    for (const el of document.querySelectorAll("[id]")) {
      if (seen.has(el.id)) { problems.push("4.1.2 duplicate id: " + el.id); }
      seen.add(el.id);
    }
  }

  function headings(problems) {  // 1.3.1 Info and Relationships; 2.4.6 Headings
    let previous = 0;
    for (const el of document.querySelectorAll("h1, h2, h3, h4, h5, h6, [role=heading]")) {
      const level = el.getAttribute("role") === "heading"
        ? Number(el.getAttribute("aria-level") || 2) : Number(el.tagName[1]);
      if (previous === 0 && level !== 1) {
        problems.push("1.3.1 the first heading is h" + level + ": " + describe(el));
      }
      if (level > previous + 1 && previous !== 0) {
        problems.push("1.3.1 heading skips from h" + previous + " to h" + level + ": " +
          describe(el));
      }
      if (!words(el.textContent)) { problems.push("2.4.6 empty heading: " + describe(el)); }
      previous = level;
    }
  }

  const TAG = /^[a-z]{2,3}(-[A-Za-z]{4})?(-([A-Z]{2}|[0-9]{3}))?$/;

  function language(problems, expected) {  // 3.1.1 Language of Page; 3.1.2 of Parts
    const lang = document.documentElement.getAttribute("lang") || "";
    if (lang !== expected) {
      problems.push("3.1.1 <html lang> is \"" + lang + "\", not \"" + expected + "\"");
    }
    for (const el of document.querySelectorAll("body [lang]")) {
      if (!TAG.test(el.getAttribute("lang"))) {
        problems.push("3.1.2 bad lang \"" + el.getAttribute("lang") + "\": " + describe(el));
      }
    }
    if (!words(document.title)) { problems.push("2.4.2 the page has no title"); }
    const viewport = document.querySelector("meta[name=viewport]");
    const content = viewport ? viewport.content.replace(/\s/g, "") : "";
    if (/user-scalable=(no|0)|maximum-scale=(0|1(\.0*)?)(,|$)/.test(content)) {
      problems.push("1.4.4 the viewport forbids zooming: " + content);
    }
  }

  function contrast(problems, lowest) {  // 1.4.3 Contrast (Minimum), held at 4.5:1 for all text
    for (const el of document.body.querySelectorAll("*")) {
      // An element's own text, or what was typed into a field (a decided answer included).
      const typed = el.matches("textarea, input[type=text]") ? el.value : "";
      const text = typed || Array.from(el.childNodes)
        .filter((node) => node.nodeType === 3).map((node) => node.textContent).join("");
      if (!text.trim() || !shown(el)) { continue; }
      const style = getComputedStyle(el);
      const ink = parse(style.color);
      const behind = backdrop(el);
      if (!ink || !behind) { continue; }
      const fade = opacity(el);
      const seen = over({ ...ink, a: ink.a * fade }, behind);
      const value = ratio(seen, behind);
      lowest.push(Math.round(value * 100) / 100);
      if (value < 4.5) {
        problems.push("1.4.3 contrast " + value.toFixed(2) + ":1 (" + style.color + " on " +
          "rgb(" + [behind.r, behind.g, behind.b].map(Math.round).join(", ") + ")): " +
          describe(el));
      }
    }
  }

  function targetOf(el) {
    // A radio button or checkbox is clicked through its whole label.
    const label = el.closest("label");
    return (el.type === "radio" || el.type === "checkbox") && label ? label : el;
  }

  function targets(problems) {  // 2.5.8 Target Size (Minimum): 24 by 24 CSS pixels
    const selector = "button, [role=button], input:not([type=hidden]), select, textarea, " +
      "summary";
    for (const el of document.querySelectorAll(selector)) {
      if (!shown(el)) { continue; }
      const box = targetOf(el).getBoundingClientRect();
      if (box.width < 24 || box.height < 24) {
        problems.push("2.5.8 target " + Math.round(box.width) + "x" + Math.round(box.height) +
          " px: " + describe(el));
      }
    }
  }

  // -- the keyboard --------------------------------------------------------------------------

  const FOCUSABLE = "a[href], area[href], button, input:not([type=hidden]), select, " +
    "textarea, summary, iframe, [tabindex], [contenteditable]:not([contenteditable=false])";

  // Mark what Tab should reach now (shown, enabled, not taken out of the order); a radio
  // group is one stop. Returns the keys, in document order.
  function candidates() {
    const keys = [];
    let n = 0;
    for (const el of document.querySelectorAll(FOCUSABLE)) {
      el.removeAttribute("data-a11y");
      if (!shown(el) || el.disabled || el.tabIndex < 0 || el.closest("[inert]")) { continue; }
      const key = el.type === "radio" && el.name ? "radio:" + el.name : "el" + (n += 1);
      el.setAttribute("data-a11y", key);
      if (!keys.includes(key)) { keys.push(key); }
    }
    return keys;
  }

  function behindOf(el) {  // what an outline is drawn against: the element's surroundings
    return backdrop(el.parentElement || el) || { r: 255, g: 255, b: 255, a: 1 };
  }

  // 2.4.7 Focus Visible (an outline or ring, at 3:1 against its surroundings, as 1.4.11 asks
  // of a component's state) and 2.4.11 Focus Not Obscured (Minimum).
  function focused() {
    const el = document.activeElement;
    if (!el || el === document.body) { return { key: null, problems: [] }; }
    const problems = [];
    const style = getComputedStyle(el);
    const width = parseFloat(style.outlineWidth) || 0;
    const ring = style.outlineStyle !== "none" && width >= 1;
    if (ring && style.outlineStyle !== "auto") {
      const colour = parse(style.outlineColor);
      const value = colour ? ratio(over(colour, behindOf(el)), behindOf(el)) : 0;
      if (width < 2 || value < 3) {
        problems.push("2.4.7 focus outline " + width + "px at " + value.toFixed(2) +
          ":1 against its surroundings: " + describe(el));
      }
    } else if (!ring && style.boxShadow === "none") {
      problems.push("2.4.7 no visible focus indicator: " + describe(el));
    }
    const box = el.getBoundingClientRect();
    const inset = Math.min(3, box.width / 4, box.height / 4);
    const points = [
      [box.left + box.width / 2, box.top + box.height / 2],
      [box.left + inset, box.top + inset], [box.right - inset, box.top + inset],
      [box.left + inset, box.bottom - inset], [box.right - inset, box.bottom - inset],
    ];
    const visible = points.some(([x, y]) => {
      const hit = document.elementFromPoint(x, y);
      return hit && (hit === el || el.contains(hit) || hit.contains(el) ||
        (el.labels && Array.from(el.labels).some((label) => label.contains(hit))));
    });
    if (!visible) { problems.push("2.4.11 the focused element is hidden: " + describe(el)); }
    return { key: el.getAttribute("data-a11y"), problems: problems };
  }

  // -- the layout: nothing wider than the page, nothing cut off -------------------------------

  function layout() {
    const root = document.documentElement;
    const width = root.clientWidth;
    const problems = [];
    if (root.scrollWidth > width) {
      problems.push("the page scrolls sideways: " + root.scrollWidth + " px in " + width);
    }
    for (const el of document.body.querySelectorAll("*")) {
      if (!shown(el)) { continue; }
      const box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) { continue; }
      if (box.left < -0.5 || box.right > width + 0.5) {
        problems.push("sticks out of the page (" + Math.round(box.left) + " to " +
          Math.round(box.right) + " px of " + width + "): " + describe(el));
      }
      const style = getComputedStyle(el);
      if (style.overflowX !== "visible" && el.scrollWidth > el.clientWidth + 1) {
        problems.push("cut off at the side (" + el.scrollWidth + " px in " + el.clientWidth +
          "): " + describe(el));
      }
      if (style.overflowY !== "visible" && el.tagName !== "TEXTAREA" &&
          el.scrollHeight > el.clientHeight + 1) {
        problems.push("cut off below (" + el.scrollHeight + " px in " + el.clientHeight +
          "): " + describe(el));
      }
      for (const node of el.childNodes) {
        if (node.nodeType !== 3 || !node.textContent.trim()) { continue; }
        const range = document.createRange();
        range.selectNodeContents(node);
        const out = Array.from(range.getClientRects())
          .some((line) => line.right > box.right + 1 || line.left < box.left - 1);
        if (out) { problems.push("text runs out of its box: " + describe(el)); break; }
      }
    }
    return problems;
  }

  // -- the words shown ---------------------------------------------------------------------

  const LABELLED = "h1, h2, h3, h4, h5, h6, button, label, legend, th, caption, summary, " +
    ".badge, .who, .watch-note, .error, strong, #progress, #summary td";

  // What the page itself says (not the record's English, marked lang="en", nor what the
  // student typed): headings, controls, labels, table heads, and names given in attributes.
  function texts() {
    const out = [document.title];
    for (const el of document.querySelectorAll(LABELLED)) {
      if (!shown(el) || el.closest("[lang=en]") || el.closest("#sum-name, .reason")) {
        continue;
      }
      const copy = el.cloneNode(true);
      copy.querySelectorAll("[lang=en]").forEach((node) => node.remove());
      const text = words(copy.textContent);
      if (text) { out.push(text); }
    }
    for (const el of document.querySelectorAll("[aria-label], [title], [data-label]")) {
      for (const name of ["aria-label", "title", "data-label"]) {
        if (el.hasAttribute(name) && !el.closest("[lang=en]")) {
          out.push(words(el.getAttribute(name)));
        }
      }
    }
    return out.filter(Boolean);
  }

  if (what === "layout") { return layout(); }
  if (what === "texts") { return texts(); }
  if (what === "candidates") { return candidates(); }
  if (what === "focus") { return focused(); }
  const problems = [];
  const lowest = [];
  textAlternatives(problems);
  names(problems);
  headings(problems);
  language(problems, what.lang);
  contrast(problems, lowest);
  targets(problems);
  return { problems: problems, lowest: lowest.length ? Math.min(...lowest) : null };
}
