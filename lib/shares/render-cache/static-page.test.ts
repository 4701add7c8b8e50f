import { describe, expect, it } from "vitest";
import { STATIC_SCRIPT_ATTRIBUTE, withoutHydration } from "./static-page";

const page = (body: string, head = "") =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"/>${head}<link rel="stylesheet" href="/_next/static/chunks/a.css" nonce="N"/></head><body>${body}</body></html>`;

describe("withoutHydration", () => {
  it("removes Next's script tags, its inline React payload and the script preloads, and keeps the rest", () => {
    const html = page(
      `<main><h1>Amara Okafor</h1><a href="/v/tsv_x/c/1">Details</a></main>` +
        `<script src="/_next/static/chunks/main.js" async="" nonce="N"></script>` +
        `<script src="/_next/static/chunks/polyfills.js" noModule="" nonce="N"></script>` +
        `<script nonce="N">self.__next_f.push([1,"0:{\\"P\\":null}\\n"])</script>` +
        `<script nonce="N" id="_R_">self.__next_r="x"</script>`,
      `<link rel="preload" as="script" fetchPriority="low" nonce="N" href="/_next/static/chunks/main.js"/>` +
        `<link rel="modulepreload" href="/_next/static/chunks/m.js"/>` +
        `<link rel="preload" as="image" href="/v/tsv_x/c/1/image"/>`,
    );
    const plain = withoutHydration(html)!;
    expect(plain).not.toMatch(/<script/i);
    expect(plain).not.toContain("/_next/static/chunks/main.js");
    expect(plain).not.toContain("modulepreload");
    expect(plain).toContain('<link rel="preload" as="image" href="/v/tsv_x/c/1/image"/>');
    expect(plain).toContain('<link rel="stylesheet" href="/_next/static/chunks/a.css" nonce="N"/>');
    expect(plain).toContain('<main><h1>Amara Okafor</h1><a href="/v/tsv_x/c/1">Details</a></main>');
  });

  it("keeps the scripts the page marks as its own", () => {
    const own = `<script nonce="N" ${STATIC_SCRIPT_ATTRIBUTE}="">document.title</script>`;
    const plain = withoutHydration(page(`<p>x</p>${own}<script src="/_next/a.js" nonce="N"></script>`))!;
    expect(plain).toContain(own);
    expect(plain).not.toContain("/_next/a.js");
  });

  it("leaves a page whose streamed parts React's scripts still have to move into place", () => {
    expect(
      withoutHydration(page(`<div hidden id="S:0"><p>late</p></div><script>$RC("B:0","S:0")</script>`)),
    ).toBeNull();
    expect(withoutHydration(page(`<template id="B:0"></template><p>loading</p>`))).toBeNull();
  });
});
