// The checked observations as one long CSV for DuckDB-wasm (the simulator). Row accounting goes to stderr;
// a rejected row fails the build unless BIZENV_LENIENT=1.
import {observationsCsv} from "../engine/engine.js";
import {loadObservations} from "../../loaders/observations.js";

const {observations} = await loadObservations();
process.stdout.write(observationsCsv(observations));
