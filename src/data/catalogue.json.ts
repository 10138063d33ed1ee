// The configured plan catalogue (categories, indicators, lead units, targets), checked, for the pages; empty when the
// site configuration names none.
import {runLoader} from "../../loaders/run-loader.js";
import {readSiteCatalogue, readSiteConfig} from "../../loaders/site-config.js";

await runLoader(async () => JSON.stringify(await readSiteCatalogue(await readSiteConfig())));
