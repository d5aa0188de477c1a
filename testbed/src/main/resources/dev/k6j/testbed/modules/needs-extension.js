// Imports an extension module, for the test that on-demand resolution follows remote modules.
import nope from "k6/x/nope";

export default nope;
