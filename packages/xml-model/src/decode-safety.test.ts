import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { type DecodeWarning, decode } from "./decode.js";
import { DESCRIBE_SAMPLE } from "./docs-samples.fixture.js";
import { XmlModelError, type XmlModelErrorCode } from "./errors.js";
import { decodeDescribeJobsResponse } from "./models/responses.js";
import { object, opaque, optional, text } from "./schema.js";

function failure(run: () => unknown): XmlModelError {
  try {
    run();
  } catch (error) {
    if (error instanceof XmlModelError) return error;
    throw new Error(`expected an XmlModelError, got ${String(error)}`, { cause: error });
  }
  throw new Error("expected an XmlModelError, but decoding succeeded");
}

function codeOf(xml: string | Uint8Array): XmlModelErrorCode {
  return failure(() => decodeDescribeJobsResponse(xml)).code;
}

describe("hostile and broken input", () => {
  const sample = DESCRIBE_SAMPLE;

  it("rejects every truncation prefix of the describe page's sample, never returning partial data", () => {
    expect(decodeDescribeJobsResponse(sample).JobsDetail).toHaveLength(1);
    const codes = new Set<XmlModelErrorCode>();
    for (let length = 0; length < sample.length; length++) {
      codes.add(codeOf(sample.slice(0, length)));
    }
    // Prefixes that are only whitespace away from the whole document are not truncations.
    expect(sample.trimEnd()).toBe(sample);
    // A cut-short body has its own code (the only failure worth fetching again).
    expect([...codes].sort()).toEqual(["EmptyDocument", "Truncated"]);
  });

  it("rejects mismatched, unclosed and stray tags", () => {
    const cases = [
      "<Response><RequestId>1</RequestId></Responsе>",
      "<Response><RequestId>1</Response>",
      "<Response><RequestId>1</RequestId><JobsDetail></Response></JobsDetail>",
      "<Response><RequestId>1</RequestId></Response></Response>",
      "<Response><RequestId>1</RequestId></X></Response>",
      "<Response><RequestId>1</RequestId/></Response>",
      "<Response><RequestId>1</RequestId ></Response >x",
      "<Response><RequestId>1</RequestId><Extra><A></B></Extra></Response>",
      "junk<Response><RequestId>1</RequestId></Response>",
      "<Response><RequestId>1</RequestId></Response><Response/>",
    ];
    for (const xml of cases) expect(codeOf(xml), xml).toBe("MalformedXml");
    // Whitespace in a closing tag, a declaration and comments are fine.
    expect(
      decodeDescribeJobsResponse(
        "\uFEFF<?xml version='1.0'?><!-- a --><Response ><RequestId>1</RequestId ></Response >\n<!-- b -->",
      ).RequestId,
    ).toBe("1");
  });

  it("rejects an HTML error page, an empty body, a JSON body and plain text", () => {
    expect(codeOf("<html><head><title>502 Bad Gateway</title></head><body>502 Bad Gateway</body></html>")).toBe(
      "WrongRoot",
    );
    expect(codeOf("<!DOCTYPE html><html><body><br></body></html>")).toBe("UnsafeXml");
    expect(codeOf("<html><body><br></body></html>")).toBe("MalformedXml");
    expect(codeOf("")).toBe("EmptyDocument");
    expect(codeOf(" \n ")).toBe("EmptyDocument");
    expect(codeOf('{"Response":{"RequestId":"r"}}')).toBe("MalformedXml");
    expect(codeOf("not xml at all")).toBe("MalformedXml");
  });

  it("points at an <Error> body when a <Response> was expected", () => {
    const error = failure(() => decodeDescribeJobsResponse("<Error><Code>AccessDenied</Code></Error>"));
    expect(error.code).toBe("WrongRoot");
    expect(error.message).toContain("decodeErrorBody");
  });

  it("refuses entity-expansion bombs without expanding anything", () => {
    const bomb =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
      '<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]>' +
      "<Response><RequestId>&lol2;</RequestId></Response>";
    expect(codeOf(bomb)).toBe("UnsafeXml");
    // An undeclared entity is never resolved, nor kept literally: it is an error of its own.
    const error = failure(() => decodeDescribeJobsResponse("<Response><RequestId>&lol2;</RequestId></Response>"));
    expect(error.code).toBe("UndeclaredEntity");
    expect(error.path).toBe("Response.RequestId");
    expect(error.found).toBe('"&lol2;"');
    // Also inside elements no schema knows, and a bare "&" that starts no reference stays as written.
    expect(codeOf("<Response><RequestId>1</RequestId><X><Y>&foo;</Y></X></Response>")).toBe("UndeclaredEntity");
    expect(decodeDescribeJobsResponse("<Response><RequestId>a & b</RequestId></Response>").RequestId).toBe("a & b");
  });

  it("decodes the predefined entities and character references once", () => {
    expect(
      decodeDescribeJobsResponse(
        "<Response><RequestId>a&amp;lt;b &lt;&gt;&quot;&apos; &#65;&#x42;&#x1F600;</RequestId></Response>",
      ).RequestId,
    ).toBe("a&lt;b <>\"' AB😀");
    expect(codeOf("<Response><RequestId>&#0;</RequestId></Response>")).toBe("MalformedXml");
    expect(
      decodeDescribeJobsResponse("<Response><RequestId><![CDATA[&amp; <x>]]></RequestId></Response>").RequestId,
    ).toBe("&amp; <x>");
  });

  it("rejects 10,000-deep nesting quickly, and honours maxDepth", () => {
    const deep = `<Response>${"<A>".repeat(10_000)}${"</A>".repeat(10_000)}</Response>`;
    expect(codeOf(deep)).toBe("TooDeep");
    const Doc = object({ Extra: optional(opaque()) });
    const nested = `<D><Extra>${"<A>".repeat(10)}x${"</A>".repeat(10)}</Extra></D>`;
    expect(failure(() => decode(Doc, nested, { root: "D", maxDepth: 5 })).code).toBe("TooDeep");
    expect(decode(Doc, nested, { root: "D", maxDepth: 20 }).Extra).toHaveLength(1);
  });

  it("rejects a body over the size cap, as text or bytes, before parsing", () => {
    const Doc = object({ A: text() });
    const xml = `<D><A>${"é".repeat(600)}</A></D>`; // 614 UTF-16 units, 1,214 bytes in UTF-8
    const bytes = new TextEncoder().encode(xml).byteLength;
    expect(bytes).toBe(1214);
    expect(failure(() => decode(Doc, xml, { root: "D", maxBytes: 1000 })).found).toBe('"1214 bytes"');
    expect(failure(() => decode(Doc, xml, { root: "D", maxBytes: bytes - 1 })).code).toBe("TooLarge");
    expect(failure(() => decode(Doc, new TextEncoder().encode(xml), { root: "D", maxBytes: 1000 })).code).toBe(
      "TooLarge",
    );
    expect(decode(Doc, xml, { root: "D", maxBytes: bytes }).A).toHaveLength(600);
    expect(decode(Doc, new TextEncoder().encode(xml), { root: "D", maxBytes: bytes }).A).toHaveLength(600);
    expect(failure(() => decode(Doc, "x".repeat(2000), { root: "D", maxBytes: 1000 })).code).toBe("TooLarge");
  });

  it("rejects __proto__, constructor and prototype elements", () => {
    for (const name of ["__proto__", "constructor", "prototype"]) {
      const error = failure(() =>
        decodeDescribeJobsResponse(
          `<Response><RequestId>1</RequestId><${name}><polluted>1</polluted></${name}></Response>`,
        ),
      );
      expect(error.code).toBe("UnsafeXml");
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // Other Object.prototype names are plain unknown elements.
    expect(
      decodeDescribeJobsResponse("<Response><RequestId>1</RequestId><toString>x</toString></Response>").$unknown,
    ).toEqual([{ name: "toString", children: ["x"] }]);
  });

  it("rejects invalid UTF-8, forbidden characters and lone surrogates", () => {
    const bytes = new TextEncoder().encode("<Response><RequestId>ab</RequestId></Response>");
    bytes[21] = 0xc3; // a lead byte followed by 'b': invalid UTF-8
    expect(codeOf(bytes)).toBe("InvalidEncoding");
    expect(codeOf(new Uint8Array([0x3c, 0xff, 0xfe]))).toBe("InvalidEncoding");
    expect(codeOf("<Response><RequestId>a\u0000b</RequestId></Response>")).toBe("InvalidEncoding");
    expect(codeOf("<Response><RequestId>a\uD800b</RequestId></Response>")).toBe("InvalidEncoding");
    expect(
      decodeDescribeJobsResponse(new TextEncoder().encode("<Response><RequestId>数据万象</RequestId></Response>"))
        .RequestId,
    ).toBe("数据万象");
  });

  it("rejects an input that is neither text nor bytes", () => {
    expect(codeOf(42 as unknown as string)).toBe("InvalidValue");
  });

  it("keeps the element path, what was expected and a capped excerpt of what was found", () => {
    const long = "x".repeat(500);
    const xml = sample.replace("2022-06-27T15:23:10+0800", long);
    const error = failure(() => decodeDescribeJobsResponse(xml, { strict: true }));
    expect(error.code).toBe("InvalidValue");
    expect(error.path).toBe("Response.JobsDetail[0].CreationTime");
    expect(error.expected).toContain("2022-06-27T15:23:10+0800");
    expect(error.found.length).toBeLessThanOrEqual(200);
    expect(error.found.startsWith('"xxx')).toBe(true);
    expect(error.name).toBe("XmlModelError");
  });

  it("refuses an XML declaration naming an encoding other than UTF-8", () => {
    const body = "<Response><RequestId>1</RequestId></Response>";
    for (const encoding of ["UTF-16", "gbk", "ISO-8859-1"]) {
      const error = failure(() => decodeDescribeJobsResponse(`<?xml version="1.0" encoding="${encoding}"?>${body}`));
      expect(error.code).toBe("InvalidEncoding");
      expect(error.found).toContain(encoding);
    }
    for (const declaration of [
      '<?xml version="1.0" encoding="UTF-8"?>',
      "<?xml version='1.0' encoding='utf8'?>",
      '<?xml version="1.0"?>',
    ]) {
      expect(decodeDescribeJobsResponse(`${declaration}${body}`).RequestId).toBe("1");
    }
  });

  it("cuts short: Truncated for a body that stops inside the root, MalformedXml for one that is complete but wrong", () => {
    for (const xml of [
      "<Response><RequestId>1</RequestId>",
      "<Response><RequestId>1",
      "<Response><Request",
      "<?xml version='1.0'?>",
    ]) {
      expect(codeOf(xml), xml).toBe("Truncated");
    }
    for (const xml of ["<Response><RequestId>1</Response>", "<Response><A>1</B></Response>", "<Response/><X/>"]) {
      expect(codeOf(xml), xml).toBe("MalformedXml");
    }
  });

  it("reports a namespaced element where a plain one is expected, and keeps it", () => {
    const warnings: DecodeWarning[] = [];
    const response = decodeDescribeJobsResponse(
      `<Response><RequestId>1</RequestId><x:JobsDetail xmlns:x="urn:x"><JobId>b1</JobId></x:JobsDetail></Response>`,
      { onWarning: (warning) => warnings.push(warning) },
    );
    expect(response.JobsDetail).toEqual([]);
    expect(response.$unknown).toEqual([{ name: "x:JobsDetail", children: [{ name: "JobId", children: ["b1"] }] }]);
    expect(warnings).toEqual([expect.objectContaining({ path: "Response.x:JobsDetail", found: '"<x:JobsDetail>"' })]);
    // A namespaced root is the wrong root, with a hint.
    const error = failure(() =>
      decodeDescribeJobsResponse("<x:Response xmlns:x='urn:x'><RequestId>1</RequestId></x:Response>"),
    );
    expect(error.code).toBe("WrongRoot");
    expect(error.message).toContain("namespace prefix");
  });

  it("agrees with XMLValidator that these documents are not well-formed", () => {
    for (const xml of ["<Response><RequestId>1</RequestId>", "<Response><A>1</B></Response>"]) {
      expect(XMLValidator.validate(xml)).not.toBe(true);
      expect(() => decodeDescribeJobsResponse(xml)).toThrow(XmlModelError);
    }
    // Stricter than XMLValidator: a second root element is refused too.
    expect(XMLValidator.validate("<Response/><X/>")).toBe(true);
    expect(codeOf("<Response/><X/>")).toBe("MalformedXml");
  });
});
