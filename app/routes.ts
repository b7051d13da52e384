import { type RouteConfig, index, route, prefix } from "@react-router/dev/routes";

// Public paths are in Bahasa Indonesia (they are shared on WhatsApp and printed on posters);
// the API is in English.
export default [
  index("routes/home.tsx"),
  route("preferensi", "routes/preferences.tsx"),
  route("masuk", "routes/login.tsx"),
  route("keluar", "routes/logout.tsx"),
  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
