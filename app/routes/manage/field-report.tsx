// Placeholder while the page is being built.
import { AppError } from "~/lib/errors";

export const loader = () => {
  throw new AppError("not-found", "errors.notFound");
};

export default function Placeholder() {
  return null;
}
