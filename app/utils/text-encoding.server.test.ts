import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeText } from "./text-encoding.server.ts";

const ARABIC = "مرحبا بكم في ورشة العمل حول معايير حماية الطفل";
const SRT = `1\r\n00:00:01,000 --> 00:00:04,000\r\n${ARABIC}\r\n\r\n2\r\n00:00:05,000 --> 00:00:08,000\r\nسنتحدث اليوم عن الحماية في حالات الطوارئ\r\n`;
const POLISH = "1\n00:00:01,000 --> 00:00:04,000\nDziękujemy za udział w spotkaniu; źródła i ćwiczenia są na stronie.\n";

const bytes = (text: string, encoding: string, bom = false) => new Uint8Array(iconv.encode(text, encoding, { addBOM: bom }));

describe("decodeText", () => {
  it("reads UTF-8 with and without a byte order mark", () => {
    expect(decodeText(bytes(SRT, "utf-8"))).toMatchObject({ text: SRT, encoding: "utf-8", source: "utf-8" });
    expect(decodeText(bytes(SRT, "utf-8", true))).toMatchObject({ text: SRT, encoding: "utf-8", source: "bom" });
  });

  it("reads UTF-16 LE and BE by their byte order mark, without the mark in the text", () => {
    const le = bytes(SRT, "utf-16le", true);
    expect([le[0], le[1]]).toEqual([0xff, 0xfe]);
    expect(decodeText(le)).toMatchObject({ text: SRT, encoding: "utf-16le", source: "bom" });
    const be = bytes(SRT, "utf-16be", true);
    expect([be[0], be[1]]).toEqual([0xfe, 0xff]);
    expect(decodeText(be)).toMatchObject({ text: SRT, encoding: "utf-16be", source: "bom" });
  });

  it("reads UTF-16 without a mark from its zero bytes", () => {
    expect(decodeText(bytes(SRT, "utf-16le"))).toMatchObject({ text: SRT, encoding: "utf-16le" });
    expect(decodeText(bytes(SRT, "utf-16be"))).toMatchObject({ text: SRT, encoding: "utf-16be" });
  });

  it("detects an Arabic file saved in Windows-1256, with or without the language", () => {
    const file = bytes(SRT, "windows-1256");
    expect(decodeText(file)).toMatchObject({ text: SRT, encoding: "windows-1256", source: "detected" });
    expect(decodeText(file, { language: "ar" })).toMatchObject({ text: SRT, encoding: "windows-1256" });
  });

  it("uses the language's usual code page when the detector is unsure", () => {
    expect(decodeText(bytes(POLISH, "windows-1250"), { language: "pl" })).toMatchObject({ text: POLISH, encoding: "windows-1250" });
    const french = "1\n00:00:01,000 --> 00:00:02,000\nÀ Genève, l'élève a déjà vu ça.\n";
    expect(decodeText(bytes(french, "windows-1252"), { language: "fr" })).toMatchObject({ text: french, encoding: "windows-1252" });
  });

  it("decodes with the encoding the organiser chose, whatever the detector thinks", () => {
    const file = bytes(SRT, "windows-1256");
    const asLatin = decodeText(file, { chosen: "windows-1252" });
    expect(asLatin).toMatchObject({ encoding: "windows-1252", source: "chosen" });
    expect(asLatin.text).not.toContain(ARABIC);
    expect(decodeText(bytes(SRT, "iso-8859-6"), { chosen: "iso-8859-6" }).text).toBe(SRT);
    expect(decodeText(bytes(SRT, "utf-16le", true), { chosen: "utf-16le" }).text).toBe(SRT);
  });
});
