// bcop default theme: the pages work without this script; it adds two conveniences.

// The language switcher keeps the section being read: headings have the same ids in every
// language, so the fragment is carried over to the other language's page.
function keepSection(event) {
  const link = event.target.closest(".lang-switcher a[href]");
  if (link && location.hash && !link.hash) link.hash = location.hash;
}
document.addEventListener("click", keepSection);
document.addEventListener("auxclick", keepSection);

// On a narrow screen a chapter's contents start closed, so that its text starts on the first
// screen; the box opens with a tap.
if (matchMedia("(max-width: 52rem)").matches) {
  for (const toc of document.querySelectorAll("details.toc-inline[open]")) toc.open = false;
}
