// The server speaks both languages: pages for either reader, and mail written in both. Imported
// for its effect by the server's entry and by the modules that write mail, so any process that
// renders or sends text (the app, the command line, the seed) has the English catalog.
import { provideCatalog } from "./index";
import { en } from "./catalog.en";

provideCatalog("en", en);
