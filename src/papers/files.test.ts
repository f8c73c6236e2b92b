import { describe, expect, it } from "vitest";
import { docxWith, pdfWith, pptxWith, xlsxWith, zipWith } from "../../test/support/documents.js";
import { extractText } from "./extract.js";
import { fileProblem, sniffType, zipEntries } from "./files.js";
import { dedupeKey, summaryLines, summaryProblem, transitionProblem } from "./rules.js";

describe("attached files", () => {
  it("are recognised by their content", async () => {
    expect(sniffType(pdfWith("x"))).toBe("pdf");
    expect(sniffType(await docxWith("x"))).toBe("docx");
    expect(sniffType(await xlsxWith("x"))).toBe("xlsx");
    expect(sniffType(pptxWith("x"))).toBe("pptx");
    expect(sniffType(zipWith({ "a.txt": "hello" }))).toBeNull();
    expect(sniffType(Buffer.from("just text"))).toBeNull();
    expect(zipEntries(zipWith({ "a.txt": "1", "b/c.xml": "2" }))).toEqual(["a.txt", "b/c.xml"]);
  });

  it("are refused when the content is not the claimed type, too large, empty or of another type", async () => {
    expect(fileProblem("paper.docx", pdfWith("x"))).toBe(
      "paper.docx is named as DOCX but its content is PDF",
    );
    expect(fileProblem("paper.pdf", Buffer.from("not a pdf"))).toBe(
      "paper.pdf is named as PDF but its content is not a PDF, DOCX, XLSX or PPTX file",
    );
    expect(fileProblem("big.pdf", Buffer.alloc(2048, 1), 1024)).toMatch(
      /^big.pdf is 0.0 MB; files may be at most/,
    );
    expect(fileProblem("empty.pdf", Buffer.alloc(0))).toBe("empty.pdf is empty");
    expect(fileProblem("notes.txt", Buffer.from("x"))).toBe(
      "notes.txt: attach PDF, DOCX, XLSX or PPTX files",
    );
    expect(fileProblem("ok.xlsx", await xlsxWith("x"))).toBeNull();
  });

  it("are refused, before anything unpacks them, when they would unpack past the limits", () => {
    const parts: Record<string, string> = {
      "[Content_Types].xml": "<Types/>",
      "ppt/presentation.xml": "<p:presentation/>",
    };
    for (let i = 0; i < 10_001; i++) parts[`ppt/slides/s${i}.xml`] = "";
    expect(fileProblem("many.pptx", zipWith(parts))).toBe(
      "many.pptx holds 10003 parts; an attached file may hold at most 10000",
    );
    // A part whose central directory says it unpacks to 200 MB (a ZIP bomb declares as much).
    const bomb = pptxWith("x");
    const cd = bomb.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bomb.writeUInt32LE(200 * 1024 * 1024, cd + 24);
    expect(fileProblem("bomb.pptx", bomb)).toBe(
      "bomb.pptx unpacks to 200 MB; an attached file may unpack to at most 100 MB",
    );
    expect(fileProblem("fine.pptx", pptxWith("x"))).toBeNull();
  });

  it("give their text for search (PDF and Word)", async () => {
    expect(await extractText("pdf", pdfWith("Interdiction lessons (2008)"))).toBe(
      "Interdiction lessons (2008)",
    );
    expect(await extractText("docx", await docxWith("Licensing practice"))).toBe("Licensing practice");
    expect(await extractText("pdf", Buffer.from("%PDF-broken"))).toBe("");
  });
});

describe("register rules", () => {
  it("count summary lines, wrapping long ones", () => {
    expect(summaryLines("")).toBe(0);
    expect(summaryLines("one\ntwo\n")).toBe(2);
    expect(summaryLines("x".repeat(250))).toBe(3);
    expect(summaryProblem(Array(10).fill("line").join("\n"))).toBeNull();
    expect(summaryProblem(Array(11).fill("line").join("\n"))).toBe(
      "the summary takes 11 lines; at most 10 are allowed (a line holds up to 100 characters)",
    );
  });
  it("move papers only forward", () => {
    expect(transitionProblem("draft", "submitted")).toBeNull();
    expect(transitionProblem("circulated", "withdrawn")).toBeNull();
    expect(transitionProblem("circulated", "submitted")).toBe("a circulated paper can only become withdrawn");
    expect(transitionProblem("withdrawn", "submitted")).toBe(
      "a withdrawn paper cannot change status; submit a new paper instead",
    );
  });
  it("recognise the same paper whatever its spacing and case", () => {
    const a = dedupeKey({
      government: "US",
      kind: "ie_paper",
      meetingId: 3,
      title: "Proliferator  Procurement",
    });
    const b = dedupeKey({
      government: "US",
      kind: "ie_paper",
      meetingId: 3,
      title: "proliferator procurement ",
    });
    expect(a).toBe(b);
  });
});
