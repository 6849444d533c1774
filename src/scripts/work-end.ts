// The end of the newest chapter (src/components/WorkEnd.astro): only a reader who saved this work
// hears how its new chapters reach them. The code that reads the saved works loads when a reader
// comes near the end; on every other chapter this does nothing.
const note = document.querySelector<HTMLElement>('[data-saved-note]');
const end = note?.closest('[data-work-end]');
if (note && end && 'caches' in window) {
  const nearby = new IntersectionObserver(
    ([entry]) => {
      if (!entry?.isIntersecting) return;
      nearby.disconnect();
      void import('./saved-works.ts')
        .then(({ savedWorks }) => savedWorks())
        .then((works) => {
          note.hidden = !works.some((saved) => saved.work === note.dataset.work);
        });
    },
    { rootMargin: '100% 0px' },
  );
  nearby.observe(end);
}
