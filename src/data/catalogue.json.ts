// The plan's catalogue (categories, 123 indicators, lead units, targets), checked, for the pages.
import {readCatalogue} from "../../loaders/catalogue.js";
import {runLoader} from "../../loaders/run-loader.js";

await runLoader(async () => JSON.stringify(await readCatalogue()));
