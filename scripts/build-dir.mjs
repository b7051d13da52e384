// The build folder's name, from LUMBUNG_BUILD_DIR: "build", or "build-<name>" so that several
// checkouts' test runs can share one machine. Nothing else: the build empties its folder
// first, and an empty or mistyped setting ("", ".", "app") once made it empty the project.
const NAME = /^build(-[a-z0-9][a-z0-9-]*)?$/;

export function buildDirName(value = process.env.LUMBUNG_BUILD_DIR) {
  const name = value === undefined || value === "" ? "build" : value;
  if (!NAME.test(name)) {
    throw new Error(`LUMBUNG_BUILD_DIR must be "build" or "build-<name>" (letters, digits, dashes), not ${JSON.stringify(value)}: the build empties that folder first.`);
  }
  return name;
}
