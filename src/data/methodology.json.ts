// The default methodology, validated (a malformed file fails the build with the JSON path of each problem).
import {readMethodology} from "../../loaders/methodology.js";

process.stdout.write(JSON.stringify(await readMethodology()));
