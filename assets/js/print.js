// Print button: fills each element marked data-print-button="<label>" with a button that
// opens the browser's print dialog, and shows it. Without JavaScript the element stays hidden
// and Ctrl+P prints the same page. Loaded as a file, so it runs under a CSP without inline script.
(function () {
  "use strict";

  function addButtons() {
    document.querySelectorAll("[data-print-button]").forEach(function (slot) {
      if (slot.querySelector("button")) {
        return;
      }
      var button = document.createElement("button");
      button.type = "button";
      button.className = "print-button";
      button.textContent = slot.getAttribute("data-print-button");
      button.addEventListener("click", function () {
        window.print();
      });
      slot.appendChild(button);
      slot.hidden = false;
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", addButtons);
  } else {
    addButtons();
  }
})();
