// GOV.UK Frontend's small scripts enhance the pages; every page works without them.
import { initAll } from "/static/govuk/govuk-frontend.min.js";

document.body.classList.add("govuk-frontend-supported");
initAll();
