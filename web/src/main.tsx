// Entry point: styles, the route table and the page frame.
import { render } from "preact";
import "./styles/tokens.css";
import "./styles/base.css";
import "./styles/components.css";
import "./styles/pages.css";
import { interceptLinks, resolve, useLocation } from "./lib/router";
import { Layout } from "./ui/Layout";
import { Landing } from "./pages/Landing";
import { Create } from "./pages/Create";
import { Generating } from "./pages/Generating";
import { Preview } from "./pages/Preview";
import { Checkout } from "./pages/Checkout";
import { Confirmation } from "./pages/Confirmation";
import { Library } from "./pages/Library";
import { Account } from "./pages/Account";
import { NotFound } from "./pages/NotFound";
import { ClaimGuest, ResetPassword } from "./pages/AccountLinks";
import { useEffect } from "preact/hooks";

const ROUTES = [
  "/", "/create", "/books/:id/progress", "/books/:id", "/books/:id/checkout",
  "/books/:id/confirmation", "/library", "/account", "/reset-password", "/claim",
];

const TITLES: Record<string, string> = {
  "/": "A picture book starring your child", "/create": "Create a book", "/books/:id/progress": "Making your book",
  "/books/:id": "Your book", "/books/:id/checkout": "Checkout", "/books/:id/confirmation": "Thank you",
  "/library": "My books", "/account": "Account", "/reset-password": "New password", "/claim": "Keep your books",
};

function App() {
  const { path, search } = useLocation();
  const m = resolve(ROUTES, path, search);
  useEffect(() => { document.title = `${TITLES[m?.route ?? ""] ?? "Not found"} · Storyloom`; }, [m?.route]);
  const id = m?.params.id ?? "";
  let page;
  switch (m?.route) {
    case "/": page = <Landing />; break;
    case "/create": page = <Create />; break;
    case "/books/:id/progress": page = <Generating id={id} />; break;
    case "/books/:id": page = <Preview id={id} />; break;
    case "/books/:id/checkout": page = <Checkout id={id} query={m.query} />; break;
    case "/books/:id/confirmation": page = <Confirmation id={id} query={m.query} />; break;
    case "/library": page = <Library />; break;
    case "/account": page = <Account />; break;
    case "/reset-password": page = <ResetPassword />; break;
    case "/claim": page = <ClaimGuest />; break;
    default: page = <NotFound />;
  }
  return <Layout path={path}>{page}</Layout>;
}

const root = document.getElementById("app")!;
interceptLinks(root);
render(<App />, root);
