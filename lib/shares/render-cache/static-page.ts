/**
 * A share page as plain HTML (issue 21): what a recruiter's phone needs is the server's HTML and
 * the stylesheet; nothing on the page needs React in the browser. A kept render (and a credential
 * page rendered for one view) is served without Next's scripts: no framework bundles (about
 * 130 KB gzipped), no inline React payload repeating the page (more than half its HTML), no
 * preloads for either. Scripts the page marks with STATIC_SCRIPT_ATTRIBUTE stay (the print
 * button's few lines, with the response's nonce). Links are plain anchors; forms and details work
 * without script.
 */

/** The attribute a script carries to stay in the plain-HTML page. */
export const STATIC_SCRIPT_ATTRIBUTE = "data-static-page";

const SCRIPT = /<script\b([^>]*)>[\s\S]*?<\/script>/gi;
const SCRIPT_PRELOAD =
  /<link\b(?=[^>]*\brel="(?:modulepreload|preload)")(?=[^>]*\bas="script"|[^>]*\brel="modulepreload")[^>]*>/gi;
/**
 * React's streaming leaves parts of a page to be moved into place by its scripts ($RC, $RS, $RX
 * calls and hidden templates). A page that has any is served as Next made it, scripts and all.
 */
const NEEDS_REACT = /\$R[CSX]\s*\(|<template\b/;

/** The page without Next's scripts and their preloads, or null when it cannot be shown without them. */
export function withoutHydration(html: string): string | null {
  if (NEEDS_REACT.test(html)) return null;
  return html
    .replace(SCRIPT, (tag, attributes: string) => (attributes.includes(STATIC_SCRIPT_ATTRIBUTE) ? tag : ""))
    .replace(SCRIPT_PRELOAD, "");
}
