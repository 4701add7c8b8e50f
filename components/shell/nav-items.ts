import { FolderOpen, Layers, Settings, Share2, Wallet } from "lucide-react";

export const NAV_ITEMS = [
  { href: "/wallet", label: "Wallet", icon: Wallet },
  { href: "/pathways", label: "Pathways", icon: Layers },
  { href: "/shares", label: "Shares", icon: Share2 },
  { href: "/portfolio", label: "Portfolio", icon: FolderOpen },
  { href: "/settings", label: "Settings", icon: Settings },
] as const;
