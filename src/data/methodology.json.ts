// The configured methodology (data/site.json or $BIZENV_SITE), validated (a malformed file fails the build with the
// JSON path of each problem).
import {runLoader} from "../../loaders/run-loader.js";
import {readSiteConfig, readSiteMethodology} from "../../loaders/site-config.js";

await runLoader(async () => JSON.stringify(await readSiteMethodology(await readSiteConfig())));
