import { ClipboardCheck, FolderOpen, Layers, Settings, Share2, Wallet } from "lucide-react";

/** Six at most: the phone tab bar has one row of thumb-sized targets, so labels stay one short word (in every
 * language: check the catalogs' shell.nav at 390 px). */
export const NAV_ITEMS = [
  { href: "/wallet", label: "shell.nav.wallet", icon: Wallet },
  { href: "/pathways", label: "shell.nav.pathways", icon: Layers },
  { href: "/renewal", label: "shell.nav.renewal", icon: ClipboardCheck },
  { href: "/shares", label: "shell.nav.shares", icon: Share2 },
  { href: "/portfolio", label: "shell.nav.portfolio", icon: FolderOpen },
  { href: "/settings", label: "shell.nav.settings", icon: Settings },
] as const;

export type NavLabelKey = (typeof NAV_ITEMS)[number]["label"];
