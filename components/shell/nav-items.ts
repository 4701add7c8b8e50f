import { ClipboardCheck, FolderOpen, Layers, Settings, Share2, Wallet } from "lucide-react";

/** Six at most: the phone tab bar has one row of thumb-sized targets, so labels stay one short word. */
export const NAV_ITEMS = [
  { href: "/wallet", label: "Wallet", icon: Wallet },
  { href: "/pathways", label: "Pathways", icon: Layers },
  { href: "/renewal", label: "Renewal", icon: ClipboardCheck },
  { href: "/shares", label: "Shares", icon: Share2 },
  { href: "/portfolio", label: "Portfolio", icon: FolderOpen },
  { href: "/settings", label: "Settings", icon: Settings },
] as const;
