// The plan's catalogue (categories, 123 indicators, lead units, targets), checked, for the pages.
import {readCatalogue} from "../../loaders/catalogue.js";

process.stdout.write(JSON.stringify(await readCatalogue()));
