"use strict";
// Bring the highlighted span into view when the page was opened without the #focus fragment.
document.addEventListener("DOMContentLoaded", () => {
  const focus = document.getElementById("focus");
  if (focus && !window.location.hash) focus.scrollIntoView({ block: "center" });
});
