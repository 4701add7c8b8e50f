import { Document, Link, Page, Text as PdfText, View } from "@react-pdf/renderer";
import type { ComponentProps, ReactNode } from "react";
import type { Portfolio, PortfolioItem } from "../model";
import { generatedLine, itemFacts, linkLifetime, summaryFigures } from "../wording";
import { portfolioHyphenation } from "./fonts";
import { ownLink } from "./own-link";
import { PdfQrCode } from "./qr-code";
import { styles, VERDICT_COLOURS } from "./styles";

/** Every text block with our line-breaking rule (fonts.ts). */
function Text(props: ComponentProps<typeof PdfText>) {
  return <PdfText hyphenationCallback={portfolioHyphenation} {...props} />;
}

/** A link annotation only to our own origin; otherwise the same content without a link. */
function OwnLink({ url, origin, children }: { url: string; origin: string; children: ReactNode }) {
  const href = ownLink(url, origin);
  return href ? (
    <Link src={href} style={{ color: "inherit", textDecoration: "none" }}>
      {children}
    </Link>
  ) : (
    <>{children}</>
  );
}

function Item({ item, origin }: { item: PortfolioItem; origin: string }) {
  const facts = itemFacts(item);
  return (
    // A credential never splits across two pages.
    <View style={styles.item} wrap={false}>
      <View style={styles.itemRow}>
        <View style={styles.itemText}>
          <Text style={styles.itemTitle}>{item.title}</Text>
          <Text>
            {item.issuerName}
            <Text style={styles.muted}> · {item.kindLabel}</Text>
          </Text>
          {facts ? <Text style={styles.muted}>{facts}</Text> : null}
          {item.outcomes.length > 0 ? (
            <Text>
              <Text style={styles.label}>Learning outcomes: </Text>
              {item.outcomes.join("; ")}
            </Text>
          ) : null}
          {item.skills.length > 0 ? (
            <Text>
              <Text style={styles.label}>Skills: </Text>
              {item.skills.join(", ")}
            </Text>
          ) : null}
          <Text style={{ color: VERDICT_COLOURS[item.verification.state], fontWeight: 700 }}>
            {item.verification.line}
          </Text>
        </View>
        <View style={styles.qr}>
          <OwnLink url={item.verifyUrl} origin={origin}>
            <PdfQrCode url={item.verifyUrl} size={56} />
          </OwnLink>
        </View>
      </View>
      <OwnLink url={item.verifyUrl} origin={origin}>
        <Text style={styles.url}>{item.verifyUrl}</Text>
      </OwnLink>
    </View>
  );
}

export function PortfolioDocument({ portfolio, origin }: { portfolio: Portfolio; origin: string }) {
  const { header } = portfolio;
  return (
    <Document
      title={`Portfolio: ${header.name}`}
      author={header.name}
      subject="Credential portfolio"
      creator="Tessera"
      producer="Tessera"
      language="en"
    >
      <Page size={portfolio.layout.paper} style={styles.page} wrap>
        <View style={styles.body}>
          <View style={styles.header}>
            <View style={styles.headerText}>
              <Text style={styles.name}>{header.name}</Text>
              {header.profession ? <Text style={styles.profession}>{header.profession}</Text> : null}
              {header.headline ? <Text style={styles.headline}>{header.headline}</Text> : null}
              {header.email ? <Text style={styles.muted}>{header.email}</Text> : null}
            </View>
            <View style={styles.headerQr}>
              <OwnLink url={portfolio.link.url} origin={origin}>
                <PdfQrCode url={portfolio.link.url} size={64} />
              </OwnLink>
              <Text style={styles.small}>All credentials, checked live</Text>
            </View>
          </View>
          <View style={styles.summary}>
            {summaryFigures(portfolio).map((figure) => (
              <View key={figure.label} style={styles.figure}>
                <Text>
                  <Text style={styles.figureValue}>{figure.value}</Text> {figure.label}
                </Text>
              </View>
            ))}
          </View>
          {portfolio.summary.pathwaysCompleted.length > 0 ? (
            <Text style={{ marginBottom: 4 }}>
              Pathways completed: {portfolio.summary.pathwaysCompleted.join("; ")}
            </Text>
          ) : null}
          <Text style={styles.linkNote}>
            {linkLifetime(portfolio)}{" "}
            <OwnLink url={portfolio.link.url} origin={origin}>
              <Text>{portfolio.link.url}</Text>
            </OwnLink>
          </Text>
          {portfolio.groups.map((group, index) => (
            <View key={`${index}-${group.title}`}>
              <View wrap={false} minPresenceAhead={80}>
                <Text style={styles.groupTitle}>{group.title}</Text>
                {group.note ? <Text style={styles.groupNote}>{group.note}</Text> : null}
              </View>
              {group.items.map((item) => (
                <Item key={item.id} item={item} origin={origin} />
              ))}
            </View>
          ))}
          {portfolio.omitted > 0 ? (
            <Text style={styles.linkNote}>{`And ${portfolio.omitted} more on the portfolio's link.`}</Text>
          ) : null}
        </View>
        {/* Outside the body View: react-pdf 4.9 drops a render-prop Text (the page number) that inherits a lineHeight. */}
        <Text style={styles.footer} fixed>
          {generatedLine(portfolio)}
        </Text>
        <View style={styles.pageNumber} fixed>
          <PdfText render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} />
        </View>
      </Page>
    </Document>
  );
}
