// Marks the page as having JavaScript, before anything is drawn (GOV.UK Frontend needs
// both classes). A file, not inline script: the Content Security Policy allows no inline code.
document.body.className +=
  " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
