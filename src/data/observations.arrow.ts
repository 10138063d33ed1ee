// The checked observations as an Arrow IPC stream for the simulator. Row accounting
// goes to stderr; a rejected row fails the build unless BIZENV_LENIENT=1.
import {observationsIpc} from "../engine/observations/arrow.js";
import {loadObservations} from "../../loaders/observations.js";

const {observations} = await loadObservations();
process.stdout.write(observationsIpc(observations));
