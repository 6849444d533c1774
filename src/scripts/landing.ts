/**
 * Marks the page as landed once it has loaded and scrolled to any passage its address names,
 * which turns on smooth scrolling (src/styles/base.css) for the moves a reader starts from then on: a
 * link to a passage opens at it at once, instead of gliding through the whole chapter.
 */
const landed = () =>
  requestAnimationFrame(() => document.documentElement.setAttribute('data-landed', ''));

if (document.readyState === 'complete') landed();
else addEventListener('load', landed, { once: true });
