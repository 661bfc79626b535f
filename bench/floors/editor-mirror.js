// The same-DOM floor of the keystroke figure: a static copy of the editor's DOM (no React, no
// form library) where this script alone copies the typed value into the preview's element.
// Inline styles of the copy are applied here through the CSSOM (the page's CSP refuses style
// attributes in markup, the app's own are set the same way by React).
for (const element of document.querySelectorAll('[data-bench-style]')) {
  element.style.cssText = element.getAttribute('data-bench-style');
}
const input = document.querySelector('[data-bench-input]');
const target = document.querySelector('[data-bench-target]');
input.addEventListener('input', () => {
  target.textContent = input.value;
});
